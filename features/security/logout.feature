Feature: Logout ends the session on the server
  The documents give the MiCollab Client a MiCollab Home screen but say nothing of logging out:
  the harness assumes a Logout that ends the session on the MiCollab server (SEC-OUT-1), as
  OWASP's session management asks, whichever way the user logged in and on every device.

  @req:SEC-OUT-1 @needs:deployment-link
  Scenario Outline: After logout on a <device> the session's tokens no longer work
    Given a MiCollab user whose CloudLink-based Authentication is not enabled
    And the MiCollab Client application is installed on a <device>
    And the user has logged in to MiCollab Client with the link in the deployment e-mail
    When the user clicks Logout
    Then the tokens of the logged-out session are refused by the MiCollab server

    Examples:
      | device |
      | PC     |
      | MAC    |

  @req:SEC-OUT-1
  Scenario Outline: After a CloudLink login and logout on a <device> the session's tokens no longer work
    Given a MiCollab user whose CloudLink-based Authentication is enabled
    And the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
    And the user has logged in to MiCollab Client with the CloudLink password and clicked Logout
    Then the tokens of the logged-out session are refused by the MiCollab server

    Examples:
      | device  |
      | PC      |
      | MAC     |
      | iOS     |
      | Android |
