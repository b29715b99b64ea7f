Feature: Each password goes only to the host that owns it
  The MiCollab password to the MiCollab server (wire.feature), the CloudLink password to CloudLink,
  the enterprise password to Azure AD: never to another host, never in a URL (SEC-CRED-1, assumed:
  the documents say which password goes to which page, not how it travels).

  @req:SEC-CRED-1
  Scenario: The CloudLink password goes only to CloudLink
    Given a MiCollab user whose CloudLink-based Authentication is enabled
    And the MiCollab Client application is installed on a PC with the MiCollab server from the welcome e-mail
    When the user opens the MiCollab Client application
    And the user clicks Accept on the license agreement screen
    And the user enters the Email ID from the MiCollab welcome e-mail
    And the user clicks Next
    And the user clicks Next on the CloudLink Sign-in page
    And the user enters the CloudLink password on the CloudLink Authorization page
    And the user clicks Sign in
    Then the CloudLink password went only to CloudLink, never in a URL

  @req:SEC-CRED-1 @idp:azure-ad
  Scenario: The enterprise password goes only to Azure AD
    Given a MiCollab user whose CloudLink account is integrated with Azure AD
    And the MiCollab Client application is installed on a PC with the MiCollab server from the welcome e-mail
    When the user opens the MiCollab Client application
    And the user clicks Accept on the license agreement screen
    And the user enters the Email ID from the MiCollab welcome e-mail
    And the user clicks Next
    And the user clicks Next on the CloudLink Sign-in page
    And the user uses the enterprise credentials to log in
    And the user answers No to Stay signed in?
    Then the enterprise password went only to Azure AD, never in a URL
