Feature: Resilience of the MiCollab Client's CloudLink-based login when a platform host fails
  The CloudLink-based login ends like the password login: a failure after CloudLink has let the
  user in gives the user an error and leaves no half-logged-in session on the MiCollab server.

  @req:RES-5XX-1
  Scenario Outline: A failure while MiCollab Home loads after CloudLink leaves no half-logged-in session, on a <device>
    Given a MiCollab user whose CloudLink-based Authentication is enabled
    And the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
    And the MiCollab server fails while MiCollab Home loads
    When the user opens the MiCollab Client application
    And the user clicks Accept on the license agreement screen
    And the user enters the Email ID from the MiCollab welcome e-mail
    And the user clicks Next
    And the user clicks Next on the CloudLink Sign-in page
    And the user enters the CloudLink password on the CloudLink Authorization page
    And the user clicks Sign in
    Then the client shows an error
    And the user is not logged in
    And the MiCollab server keeps no session open for the user

    Examples:
      | device  |
      | PC      |
      | MAC     |
      | iOS     |
      | Android |

  # The authorization code CloudLink gave is single-use (SEC-OAUTH-2): a client that starts the
  # exchange again on the MiCollab server's failure redeems it twice, which the wire audit reports.
  @req:RES-5XX-1
  Scenario Outline: A MiCollab server that fails the login after CloudLink gives the user an error, on a <device>
    Given a MiCollab user whose CloudLink-based Authentication is enabled
    And the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
    And the MiCollab server fails the login once CloudLink has let the user in
    When the user opens the MiCollab Client application
    And the user clicks Accept on the license agreement screen
    And the user enters the Email ID from the MiCollab welcome e-mail
    And the user clicks Next
    And the user clicks Next on the CloudLink Sign-in page
    And the user enters the CloudLink password on the CloudLink Authorization page
    And the user clicks Sign in
    Then the client shows an error
    And the user is not logged in

    Examples:
      | device  |
      | PC      |
      | Android |
