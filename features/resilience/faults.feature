@needs:deployment-link
Feature: Resilience of the MiCollab Client when a platform host fails
  A platform host that is down, slow or failing must give the user an error, no hang and
  no half-logged-in state, and the login must work once the host is well again.

  Background:
    Given a MiCollab user whose CloudLink-based Authentication is not enabled
    And the MiCollab Client application is installed on a PC
    And the user has clicked the link in the deployment e-mail and accepted the license agreement

  @req:RES-DOWN-1
  Scenario: A MiCollab server that is down gives the user an error
    Given the MiCollab server is down
    When the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then the password screen shows an error
    And the user is not logged in

  @req:RES-DOWN-1
  Scenario: The login works again once the MiCollab server is back
    Given the MiCollab server is down
    When the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    And the MiCollab server is back
    And the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then the user is logged in to MiCollab Client

  @req:RES-SLOW-1
  Scenario: A slow MiCollab server shows the progressing screen and still logs the user in
    Given the MiCollab server answers every request 1 second late
    When the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then the progressing screen is shown, followed by the MiCollab Home screen

  # A client that gives up waiting and sends the login again opens a second session it never
  # uses: on a slow server, the password still goes once.
  @req:RES-SLOW-1
  Scenario: A slow MiCollab server is sent the password once
    Given the MiCollab server answers every request 1 second late
    When the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then the user is logged in to MiCollab Client
    And the client sent the password provided in the welcome e-mail once

  @req:RES-5XX-1
  Scenario Outline: A MiCollab server that answers <failure> gives the user an error
    Given the MiCollab server answers <failure>
    When the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then the password screen shows an error
    And the user is not logged in

    Examples:
      | failure                                 |
      | 503 to every request                    |
      | every request with a malformed body     |

  # A POST is not idempotent (RFC 9110 §9.2.2): a client that sends the login again on a failure
  # may open a session it never uses, and counts towards a lockout with the user's own password.
  @req:RES-5XX-1
  Scenario Outline: A MiCollab server that answers <failure> is sent the password once
    Given the MiCollab server answers <failure>
    When the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then the password screen shows an error
    And the client sent the password provided in the welcome e-mail once

    Examples:
      | failure                                 |
      | 503 to every request                    |
      | every request with a malformed body     |

  @req:RES-5XX-1
  Scenario: A failure while MiCollab Home loads leaves no half-logged-in session
    Given the MiCollab server fails while MiCollab Home loads
    When the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then the password screen shows an error
    And the user is not logged in
    And the MiCollab server keeps no session open for the user
