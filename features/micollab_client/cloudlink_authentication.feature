@doc:micollab-client-login
Feature: CloudLink-based Authentication
  Open MiCollab Client. Click Accept on the license agreement screen. Enter the Email ID or
  login ID (received in MiCollab Welcome email) and click Next. The login page displays only
  the username field. If CloudLink-based Authentication is not enabled, then the following
  authentication page is displayed: enter the password to log in to your MiCollab Client.
  The Client is presented with the progressing screen followed by MiCollab Home Screen.

  Rule: CloudLink-based Authentication is not enabled

    Background:
      Given a MiCollab user whose CloudLink-based Authentication is not enabled

    @req:MC-CL-1
    Scenario Outline: After the license agreement the login page displays only the username field, on a <device>
      Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      Then the login page displays only the username field

      Examples:
        | device |
        | PC     |
        | MAC    |

    @req:MC-CL-7
    Scenario Outline: The <identifier> and Next lead to the MiCollab password page, on a <device>
      Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the <identifier> from the MiCollab welcome e-mail
      And the user clicks Next
      Then the password screen is displayed

      Examples:
        | identifier | device |
        | Email ID   | PC     |
        | Email ID   | MAC    |
        | Login ID   | PC     |
        | Login ID   | MAC    |

    @req:MC-CL-7 @req:MC-CL-9
    Scenario Outline: The MiCollab password logs the user in, on a <device>
      Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user enters the password provided in the welcome e-mail message
      And the user clicks Apply
      Then the progressing screen is shown, followed by the MiCollab Home screen

      Examples:
        | device |
        | PC     |
        | MAC    |

  Rule: CloudLink-based Authentication is enabled, Azure AD is not integrated

    Background:
      Given a MiCollab user whose CloudLink-based Authentication is enabled

    @req:MC-CL-2
    Scenario Outline: Next on the login page continues through the CloudLink Unified login page, on a <device>
      Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      Then the CloudLink Sign-in page is displayed
      And the password screen is not displayed

      Examples:
        | device |
        | PC     |
        | MAC    |

    @req:MC-CL-6
    Scenario Outline: The e-mail is auto-populated on the CloudLink Sign-in page, on a <device>
      Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Login ID from the MiCollab welcome e-mail
      And the user clicks Next
      Then the e-mail is auto-populated on the CloudLink Sign-in page

      Examples:
        | device |
        | PC     |
        | MAC    |

    @req:MC-CL-3 @req:MC-CL-9
    Scenario Outline: The CloudLink password logs the user in on a <device>
      Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user enters the CloudLink password on the CloudLink Authorization page
      And the user clicks Sign in
      Then the progressing screen is shown, followed by the MiCollab Home screen

      Examples:
        | device  |
        | PC      |
        | MAC     |
        | iOS     |
        | Android |

  @idp:azure-ad
  Rule: The setting applies from the next login, as the administrator has since set it
    The document has the MiCollab server decide how the login continues, "for subsequent login":
    the harness assumes that a setting the administrator changed while the user was logged out
    applies at the user's next login on the same device.

    @req:MC-CL-2
    Scenario Outline: CloudLink-based Authentication enabled since the last logout leads the next login through CloudLink, on a <device>
      Given a MiCollab user whose CloudLink-based Authentication is not enabled
      And the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      And the user has logged in to MiCollab Client with the MiCollab password and clicked Logout
      And the administrator has since enabled CloudLink-based Authentication for the user
      When the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      Then the CloudLink Sign-in page is displayed

      Examples:
        | device |
        | PC     |
        | MAC    |

    @req:MC-CL-7
    Scenario Outline: CloudLink-based Authentication disabled since the last logout leads the next login to the password page, on a <device>
      Given a MiCollab user whose CloudLink-based Authentication is enabled
      And the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      And the user has logged in to MiCollab Client with the CloudLink password and clicked Logout
      And the administrator has since disabled CloudLink-based Authentication for the user
      When the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      Then the password screen is displayed

      Examples:
        | device |
        | PC     |
        | MAC    |

  Rule: Two users of one device
    The document describes one user's login. The harness assumes a device may be shared: after
    one user's Logout, the next user's own Email ID leads that user's login, as for a first login.

    @req:MC-CL-7
    Scenario Outline: After a colleague's Logout, the user's own Email ID and password log the user in, on a <device>
      Given a MiCollab user and a colleague on the same MiCollab server, whose CloudLink-based Authentication is not enabled
      And the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      And the colleague has logged in to MiCollab Client on this device and clicked Logout
      When the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user enters the password provided in the welcome e-mail message
      And the user clicks Apply
      Then the user is logged in to MiCollab Client
      And the MiCollab server has a session open for the user

      Examples:
        | device |
        | PC     |
        | MAC    |

  Rule: CloudLink-based Authentication is enabled, Azure AD is integrated

    Background:
      Given a MiCollab user whose CloudLink account is integrated with Azure AD

    @req:MC-CL-5 @req:MC-CL-9
    Scenario Outline: The enterprise credentials log the user in, on a <device>
      Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user uses the enterprise credentials to log in
      And the user answers No to Stay signed in?
      Then the progressing screen is shown, followed by the MiCollab Home screen

      Examples:
        | device |
        | PC     |
        | MAC    |

    @req:MC-UPN-1
    Scenario Outline: A User Principal Name that no directory knows is refused, on a <device>
      Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters a User Principal Name that no directory knows
      And the user clicks Next
      And the user enters the password provided in the welcome e-mail message
      And the user clicks Apply
      Then the client shows an error
      And the user is not logged in

      Examples:
        | device |
        | PC     |
        | MAC    |

    @req:MC-CL-8
    Scenario Outline: No second-factor code is asked for when Azure AD does not require one, on a <device>
      Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user uses the enterprise credentials to log in
      And the user answers No to Stay signed in?
      Then no second-factor authentication code is asked for
      And the user is logged in to MiCollab Client

      Examples:
        | device |
        | PC     |
        | MAC    |

  @idp:azure-ad
  Rule: Using the UPN (MiCollab for PC and MAC Clients)

    @req:MC-UPN-1
    Scenario Outline: The User Principal Name from Azure AD logs the user in on a <device>
      Given a MiCollab user whose CloudLink account is integrated with Azure AD
      And the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the User Principal Name from Azure AD
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user uses the enterprise credentials to log in
      And the user answers No to Stay signed in?
      Then the user is logged in to MiCollab Client

      Examples:
        | device  |
        | PC      |
        | MAC     |

  @idp:azure-ad
  Rule: Azure AD's Multifactor Authentication configuration asks for a second factor

    Background:
      Given a MiCollab user whose CloudLink account is integrated with Azure AD, which asks for a second factor

    @req:MC-CL-8
    Scenario Outline: After the enterprise password, a second-factor authentication code is asked for, on a <device>
      Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user uses the enterprise credentials to log in
      Then the user is asked for a second-factor authentication code

      Examples:
        | device |
        | PC     |
        | MAC    |

    @req:MC-CL-8 @req:MC-CL-9
    Scenario Outline: After the second factor, the progressing screen and MiCollab Home follow, on a <device>
      Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user uses the enterprise credentials to log in
      And the user enters the second-factor authentication code
      And the user answers No to Stay signed in?
      Then the progressing screen is shown, followed by the MiCollab Home screen

      Examples:
        | device |
        | PC     |
        | MAC    |

  @idp:azure-ad
  Rule: Azure AD is integrated, with "Enable Mitel Credentials" on the CloudLink Portal

    @req:MC-CL-10
    Scenario Outline: The credentials verified on the CloudLink Portal work on the CloudLink authorization page, on a <device>
      Given a MiCollab user whose CloudLink account is integrated with Azure AD, with "Enable Mitel Credentials"
      And the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user enters the CloudLink password on the CloudLink Authorization page
      And the user clicks Sign in
      Then the user is logged in to MiCollab Client

      Examples:
        | device |
        | PC     |
        | MAC    |

    @req:MC-CL-10
    Scenario Outline: The enterprise credentials still work beside the Mitel credentials, on a <device>
      Given a MiCollab user whose CloudLink account is integrated with Azure AD, with "Enable Mitel Credentials"
      And the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user clicks Sign in with your enterprise account
      And the user uses the enterprise credentials to log in
      And the user answers No to Stay signed in?
      Then the user is logged in to MiCollab Client

      Examples:
        | device |
        | PC     |
        | MAC    |

  Rule: The CloudLink password is set up through the CloudLink welcome e-mail from no-reply@mitel.io

    Background:
      Given a MiCollab user whose CloudLink-based Authentication is enabled and who has not set up the CloudLink password

    @req:MC-CL-4
    Scenario Outline: A user who has not set up the CloudLink password cannot sign in with it, on a <device>
      Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user enters the CloudLink password on the CloudLink Authorization page
      And the user clicks Sign in
      Then the CloudLink Authorization page shows an error
      And the user is not logged in

      Examples:
        | device |
        | PC     |
        | MAC    |

    @req:MC-CL-4
    Scenario Outline: Once set up with the CloudLink welcome e-mail, the CloudLink password logs the user in, on a <device>
      Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
      And the user has set up the CloudLink password with the link in the CloudLink welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user enters the CloudLink password on the CloudLink Authorization page
      And the user clicks Sign in
      Then the user is logged in to MiCollab Client

      Examples:
        | device |
        | PC     |
        | MAC    |

  @needs:deployment-link
  Rule: Repeated wrong passwords lock the account for a time

    Background:
      Given a MiCollab user whose account locks after 3 wrong passwords

    @req:SEC-LOCK-1
    Scenario Outline: The account is locked after repeated wrong passwords on a <device>
      Given the MiCollab Client application is installed on a <device>
      And the user has clicked the link in the deployment e-mail and accepted the license agreement
      When the user enters a wrong password 3 times
      And the user enters the password provided in the welcome e-mail message
      And the user clicks Apply
      Then the password screen shows an error
      And the user is not logged in

      Examples:
        | device  |
        | PC      |
        | MAC     |

    @req:SEC-LOCK-1
    Scenario Outline: One wrong password fewer than that leaves the account open on a <device>
      Given the MiCollab Client application is installed on a <device>
      And the user has clicked the link in the deployment e-mail and accepted the license agreement
      When the user enters a wrong password 2 times
      And the user enters the password provided in the welcome e-mail message
      And the user clicks Apply
      Then the user is logged in to MiCollab Client

      Examples:
        | device  |
        | PC      |
        | MAC     |

    @req:SEC-LOCK-1
    Scenario Outline: The account opens again on a <device> once the lockout time has passed
      Given the MiCollab Client application is installed on a <device>
      And the user has clicked the link in the deployment e-mail and accepted the license agreement
      When the user enters a wrong password 3 times
      And the lockout time has passed
      And the user enters the password provided in the welcome e-mail message
      And the user clicks Apply
      Then the user is logged in to MiCollab Client

      Examples:
        | device  |
        | PC      |
        | MAC     |

  @idp:azure-ad
  Rule: Azure AD locks an account after repeated wrong passwords

    @req:SEC-LOCK-1
    Scenario: Azure AD's smart lockout stops the enterprise sign-in
      Given a MiCollab user whose CloudLink account is integrated with Azure AD, which locks the account after 3 wrong passwords
      And the MiCollab Client application is installed on a PC with the MiCollab server from the welcome e-mail
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user enters 3 different wrong enterprise passwords
      And the user enters the enterprise password
      Then the client shows an error
      And the user is not logged in
