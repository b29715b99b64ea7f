@needs:deployment-link
Feature: Wire-level security of every client
  What the traffic of any login must show, whatever the procedure: HTTPS to every platform
  host, credentials only to the host that owns them and never in a URL, nothing sent outside
  the simulated network, and sessions that end with logout (logout.feature). The wire audit checks the first
  three after every scenario; these scenarios make each one a requirement of its own.

  Background:
    Given a MiCollab user whose CloudLink-based Authentication is not enabled
    And the MiCollab Client application is installed on a PC

  @req:SEC-TLS-1
  Scenario: Every request of a login goes to the platform over HTTPS
    When the user clicks the link provided in the deployment e-mail message
    And the user clicks Accept on the license agreement screen
    And the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then every request the client made to a platform host used HTTPS

  @req:SEC-TLS-2
  Scenario Outline: A MiCollab server that presents <certificate> is refused
    Given the MiCollab server presents <certificate>
    When the user clicks the link provided in the deployment e-mail message
    Then the client refuses to connect and tells the user
    And the MiCollab server received nothing from the client

    Examples:
      | certificate                                                |
      | a certificate from an authority the device does not trust |
      | a certificate for another host name                        |

  @req:SEC-CRED-1
  Scenario: The MiCollab password goes only to the MiCollab server
    When the user clicks the link provided in the deployment e-mail message
    And the user clicks Accept on the license agreement screen
    And the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then the MiCollab password went only to the MiCollab server, never in a URL

  @req:SEC-EGRESS-1
  Scenario: Nothing leaves the simulated network during a login
    When the user clicks the link provided in the deployment e-mail message
    And the user clicks Accept on the license agreement screen
    And the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then no request left the simulated network

  @req:SEC-OAUTH-2
  Scenario: The deployment link is redeemed once
    When the user clicks the link provided in the deployment e-mail message
    And the user clicks Accept on the license agreement screen
    And the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then the client redeemed the deployment once only
