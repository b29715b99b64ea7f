@needs:manual-login
@doc:micollab-client-login
Feature: Manual login for native clients
  CloudLink Authentication also supports manual login in native clients (iOS, Android, PC, and
  MAC OS). Tap on the Mitel logo three times to open the Manual Login screen. In the Manual
  login screen, enter the Server Hostname and Login ID/Email ID. Click Next. If CloudLink-based
  Authentication is not enabled, then the user proceeds for MiCollab Authentication, and on
  providing the Email/Login ID on the same page, next the password page opens.

  Rule: CloudLink-based Authentication is not enabled

  Background:
    Given a MiCollab user whose CloudLink-based Authentication is not enabled

  @req:MC-MAN-1
  Scenario Outline: Tapping the Mitel logo three times opens the Manual Login screen on <device>
    Given the MiCollab Client application is installed on a <device>
    When the user opens the MiCollab Client application
    And the user taps the Mitel logo 3 times
    Then the Manual Login screen is displayed

    Examples:
      | device  |
      | iOS     |
      | Android |
      | PC      |
      | MAC     |

  @req:MC-MAN-1
  Scenario Outline: Tapping the Mitel logo twice does not open the Manual Login screen on <device>
    Given the MiCollab Client application is installed on a <device>
    When the user opens the MiCollab Client application
    And the user taps the Mitel logo 2 times
    Then the Manual Login screen is not displayed
    And the Mitel logo is still displayed

    Examples:
      | device  |
      | iOS     |
      | Android |
      | PC      |
      | MAC     |

  # Assumed: the three taps are one series on the screen that shows the logo; a tap before the
  # user left that screen does not count towards a later series. The Back button on the Password
  # page is the Mobile Client's, as the document names it.
  @req:MC-MAN-1
  Scenario Outline: Two taps on the Mitel logo, then one more after the Password page, do not open the Manual Login screen on <device>
    Given the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
    When the user opens the MiCollab Client application
    And the user clicks Accept on the license agreement screen
    And the user taps the Mitel logo 2 times
    And the user enters the Email ID from the MiCollab welcome e-mail
    And the user clicks Next
    And the user clicks Back on the Password page
    And the user taps the Mitel logo once
    Then the Manual Login screen is not displayed
    And the Mitel logo is still displayed

    Examples:
      | device  |
      | iOS     |
      | Android |

  @req:MC-MAN-2
  Scenario Outline: Next continues with the Server Hostname and the <identifier> entered on <device>
    Given the MiCollab Client application is installed on a <device>
    When the user opens the MiCollab Client application
    And the user taps the Mitel logo 3 times
    And the user enters the Server Hostname and the <identifier> from the MiCollab welcome e-mail
    And the user clicks Next
    Then the password screen is displayed

    Examples:
      | device  | identifier |
      | iOS     | Login ID   |
      | Android | Login ID   |
      | PC      | Login ID   |
      | MAC     | Login ID   |
      | iOS     | Email ID   |
      | Android | Email ID   |
      | PC      | Email ID   |
      | MAC     | Email ID   |

  # Assumed: Manual Login is how the user gives the server by hand, so the Server Hostname entered
  # there is the one the client uses, on a device set up for another MiCollab server too.
  @req:MC-MAN-2
  Scenario Outline: On a <device> set up for another company's MiCollab server, Manual Login logs the user in to the Server Hostname entered
    Given the MiCollab Client application is installed on a <device> with another company's MiCollab server
    When the user opens the MiCollab Client application
    And the user clicks Accept on the license agreement screen
    And the user taps the Mitel logo 3 times
    And the user enters the Server Hostname and the Login ID from the MiCollab welcome e-mail
    And the user clicks Next
    And the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then the user is logged in to MiCollab Client
    And the MiCollab server has a session open for the user

    Examples:
      | device  |
      | PC      |
      | Android |

  @req:MC-MAN-4 @req:MC-CL-9
  Scenario Outline: Without CloudLink-based Authentication the MiCollab password logs the user in on <device>, with the <identifier>
    Given the MiCollab Client application is installed on a <device>
    When the user opens the MiCollab Client application
    And the user taps the Mitel logo 3 times
    And the user enters the Server Hostname and the <identifier> from the MiCollab welcome e-mail
    And the user clicks Next
    And the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then the progressing screen is shown, followed by the MiCollab Home screen

    Examples:
      | device  | identifier |
      | iOS     | Login ID   |
      | Android | Login ID   |
      | PC      | Login ID   |
      | MAC     | Login ID   |
      | iOS     | Email ID   |
      | Android | Email ID   |
      | PC      | Email ID   |
      | MAC     | Email ID   |

  Rule: CloudLink-based Authentication is enabled

    @req:MC-MAN-3
    Scenario Outline: Manual login on <device> continues through the CloudLink Unified login page
      Given a MiCollab user whose CloudLink-based Authentication is enabled
      And the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user taps the Mitel logo 3 times
      And the user enters the Server Hostname and the Login ID/Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user enters the CloudLink password on the CloudLink Authorization page
      And the user clicks Sign in
      Then the user is logged in to MiCollab Client

      Examples:
        | device  |
        | iOS     |
        | Android |
        | PC      |
        | MAC     |

    @req:MC-MAN-3 @idp:azure-ad
    Scenario Outline: Manual login on <device> with Azure AD integrated takes the enterprise credentials
      Given a MiCollab user whose CloudLink account is integrated with Azure AD
      And the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user taps the Mitel logo 3 times
      And the user enters the Server Hostname and the Login ID/Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user uses the enterprise credentials to log in
      And the user answers No to Stay signed in?
      Then the user is logged in to MiCollab Client

      Examples:
        | device  |
        | iOS     |
        | Android |
        | PC      |
        | MAC     |

    # "On successful password authentication, you might be prompted to enter a second-factor
    # authentication code": CloudLink Authentication through manual login, on each native client.
    @req:MC-CL-8 @idp:azure-ad
    Scenario Outline: Manual login on <device> asks for the second-factor code Azure AD requires
      Given a MiCollab user whose CloudLink account is integrated with Azure AD, which asks for a second factor
      And the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user taps the Mitel logo 3 times
      And the user enters the Server Hostname and the Login ID/Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user uses the enterprise credentials to log in
      Then the user is asked for a second-factor authentication code

      Examples:
        | device  |
        | iOS     |
        | Android |
        | PC      |
        | MAC     |

    @req:MC-CL-10 @idp:azure-ad
    Scenario Outline: Manual login on <device> with "Enable Mitel Credentials" takes the CloudLink Portal credentials
      Given a MiCollab user whose CloudLink account is integrated with Azure AD, with "Enable Mitel Credentials"
      And the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user taps the Mitel logo 3 times
      And the user enters the Server Hostname and the Login ID/Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user enters the CloudLink password on the CloudLink Authorization page
      And the user clicks Sign in
      Then the user is logged in to MiCollab Client

      Examples:
        | device  |
        | iOS     |
        | Android |
        | PC      |
        | MAC     |
