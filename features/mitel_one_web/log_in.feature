@browser
@doc:mitel-one-log-in-out
Feature: Log in to the Mitel One web application
  Access the application by clicking the URL https://one.mitel.io. The Welcome to Mitel One page
  opens. Click SIGN IN. The Mitel user login page opens.

  Background:
    Given the user's web browser is Google Chrome

  @req:MO-IN-1
  Scenario: https://one.mitel.io opens the Welcome to Mitel One page with SIGN IN
    When the user clicks the URL https://one.mitel.io
    Then the Welcome to Mitel One page is displayed
    And the page offers SIGN IN

  @req:MO-IN-2
  Scenario: SIGN IN opens the Mitel user login page
    When the user clicks the URL https://one.mitel.io
    And the user clicks SIGN IN
    Then the Mitel user login page is displayed

  Rule: The user name, then the sign-in method

    @req:MO-IN-3
    Scenario: The e-mail id specified in the account is the user name
      Given a Mitel One user who has logged in before
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the e-mail id as the user name
      And the user clicks Next
      And the user enters the password specified while registering in the Password field
      And the user clicks Next
      Then the user is logged in to the Mitel One web application

    @req:MO-IN-3
    Scenario: An Azure user with SSO may enter the User Principal Name as the user name
      Given a Mitel One user whose IT administrator configured Single Sign-On
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the User Principal Name as the user name
      And the user clicks Next
      And the user enters the password specified while registering in the Password field
      And the user clicks Next
      Then the user is logged in to the Mitel One web application

    @req:MO-IN-5 @req:MO-SSO-1
    Scenario: Next leads to the Mitel account password, and no Single Sign On where SSO is not configured
      Given a Mitel One user who has logged in before
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the e-mail id as the user name
      And the user clicks Next
      Then the Password field is shown
      And Single Sign On is not offered

    @req:MO-IN-5 @req:MO-SSO-1
    Scenario: Single Sign On is offered where the IT administrator configured SSO
      Given a Mitel One user whose IT administrator configured Single Sign-On
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the e-mail id as the user name
      And the user clicks Next
      Then the page offers Single Sign On

    # Assumed: the IT administrator may remove the SSO configuration; the sign-in that follows
    # offers what the account has then ("only if your IT administrator has configured" it).
    @req:MO-SSO-1
    Scenario: Single Sign On is no longer offered once the IT administrator has removed SSO since the last logout
      Given a Mitel One user whose IT administrator configured Single Sign-On
      And the user has logged in to the Mitel One web application with the password and logged out
      And the IT administrator has since removed the Single Sign-On configuration
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the e-mail id as the user name
      And the user clicks Next
      Then the Password field is shown
      And Single Sign On is not offered

  Rule: The Account Number received in the welcome email, if prompted

    # "the Account Number received in the welcome email (if prompted)": nothing is known of the
    # user before the user name, so the page asks only for the user name at first.
    @req:MO-IN-4
    Scenario: The Mitel user login page asks first for the user name only
      Given a Mitel One user who has logged in before
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      Then the User name field is shown
      And the Account Number field is not shown

    @req:MO-IN-4
    Scenario: The Account Number is not asked for when the user name is in one account
      Given a Mitel One user who has logged in before
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the e-mail id as the user name
      And the user clicks Next
      Then the Password field is shown
      And the Account Number field is not shown

    @req:MO-IN-4
    Scenario: The Account Number is asked for when the user name is in several accounts
      Given a Mitel One user whose e-mail id is in two Mitel accounts
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the e-mail id as the user name
      And the user clicks Next
      Then the Account Number field is shown
      And the Password field is not shown

    @req:MO-IN-4
    Scenario: The Account Number received in the welcome email leads to the account
      Given a Mitel One user whose e-mail id is in two Mitel accounts
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the e-mail id as the user name
      And the user clicks Next
      And the user enters the Account Number received in the welcome email
      And the user clicks Next
      And the user enters the password specified while registering in the Password field
      And the user clicks Next
      Then the user is logged in to the Mitel One web application

    @req:MO-IN-4
    Scenario: A wrong Account Number is refused
      Given a Mitel One user whose e-mail id is in two Mitel accounts
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the e-mail id as the user name
      And the user clicks Next
      And the user enters a wrong Account Number
      And the user clicks Next
      Then the Mitel user login page shows an error
      And the Password field is not shown

  Rule: Using Single Sign-On (SSO)
    Click Single Sign On. You will be redirected to your SSO provider to sign in to your account.
    Enter your credentials in the fields provided, and click Sign in to log in to the application.

    @req:MO-SSO-2 @idp:azure-ad
    Scenario: Single Sign On redirects to the SSO provider, where Sign in logs the user in
      Given a Mitel One user whose IT administrator configured Single Sign-On
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the User Principal Name as the user name
      And the user clicks Next
      And the user clicks Single Sign On
      Then the Sign in page is displayed
      When the user uses the enterprise credentials to log in
      And the user answers No to Stay signed in?
      Then the user is logged in to the Mitel One web application

    @req:MO-SSO-3 @idp:azure-ad
    Scenario: A failed SSO sign-in tells the user to contact the IT administrator
      Given a Mitel One user whose Single Sign-On configuration has an outdated certificate
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the User Principal Name as the user name
      And the user clicks Next
      And the user clicks Single Sign On
      And the user uses the enterprise credentials to log in
      And the user answers No to Stay signed in?
      Then the client says "Contact your IT administrator"
      And the page still says "Contact your IT administrator" a moment later
      And the user is not logged in to the Mitel One web application

  Rule: Using the Mitel account password

    # Assumed: the password is sent as the user typed it; a space is a character of it like any
    # other (NIST SP 800-63B 5.1.1.2), so a trimmed password is a wrong one.
    @req:MO-PW-1
    Scenario: A password that begins and ends with a space logs the user in
      Given a Mitel One user who has logged in before, whose password begins and ends with a space
      When the user logs in to the Mitel One web application with the password
      Then the user is logged in to the Mitel One web application

    @req:MO-PW-1
    Scenario: A wrong password is refused
      Given a Mitel One user who has logged in before
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the e-mail id as the user name
      And the user clicks Next
      And the user enters a wrong password in the Password field
      And the user clicks Next
      Then the Mitel user login page shows an error
      And the user is not logged in to the Mitel One web application

    @req:MO-PW-2
    Scenario: A user who forgot the password resets it and logs in with the new one
      Given a Mitel One user who has logged in before
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the e-mail id as the user name
      And the user clicks Next
      And the user clicks Forgot password?
      And the user enters the e-mail id in the Email field
      And the user clicks Send
      And the user opens the link in the e-mail sent to reset the password
      And the user enters the verification code from the e-mail and a new password
      And the user clicks Reset Password
      And the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the e-mail id as the user name
      And the user clicks Next
      And the user enters the new password in the Password field
      And the user clicks Next
      Then the user is logged in to the Mitel One web application

  Rule: The End User License Agreement, at the first login only
    After successful sign in, the End User License Agreement (EULA) is displayed. Select the check
    box to accept the end user agreement, and click CONFIRM to log in to the application.

    @req:MO-EULA-1
    Scenario: CONFIRM is not possible before the check box is selected
      Given a Mitel One user who has never logged in
      When the user logs in to the Mitel One web application with the password
      Then the End User License Agreement page is displayed
      And CONFIRM is not offered

    @req:MO-EULA-1
    Scenario: Once the check box is cleared again, CONFIRM is not possible
      Given a Mitel One user who has never logged in
      When the user logs in to the Mitel One web application with the password
      And the user selects the check box to accept the end user agreement
      And the user clears the check box again
      Then the check box is cleared
      And CONFIRM is not offered

    @req:MO-EULA-1
    Scenario: The check box and CONFIRM log the user in
      Given a Mitel One user who has never logged in
      When the user logs in to the Mitel One web application with the password
      And the user selects the check box to accept the end user agreement
      And the user clicks CONFIRM
      Then the user is logged in to the Mitel One web application

    # "After successful sign in": by either method, Single Sign On as well as the password.
    @req:MO-EULA-1 @idp:azure-ad
    Scenario: After signing in with Single Sign On, the End User License Agreement is displayed
      Given a Mitel One user who has never logged in, whose IT administrator configured Single Sign-On
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the User Principal Name as the user name
      And the user clicks Next
      And the user clicks Single Sign On
      And the user uses the enterprise credentials to log in
      And the user answers No to Stay signed in?
      Then the End User License Agreement page is displayed

    @req:MO-EULA-2
    Scenario: The end user agreement does not appear at the next login
      Given a Mitel One user who has never logged in
      When the user logs in to the Mitel One web application with the password
      And the user accepts the end user agreement
      And the user logs out of the Mitel One web application
      And the user logs in to the Mitel One web application with the password
      Then the user is logged in to the Mitel One web application
      And the End User License Agreement page is displayed only once

    @req:MO-EULA-3 @req:MOB-EULA-1
    Scenario: Accepted in the Mitel One mobile application, the agreement does not appear on the web
      Given a Mitel One user who has never logged in
      And the user accepted the end user agreement in the Mitel One mobile application
      When the user logs in to the Mitel One web application with the password
      Then the user is logged in to the Mitel One web application
      And the End User License Agreement is not displayed

    @req:MO-EULA-3 @req:MOB-EULA-1
    Scenario: Accepted on the web, the agreement does not appear in the Mitel One mobile application
      Given a Mitel One user who has never logged in
      And the user accepted the end user agreement in the Mitel One web application
      When the user logs in to the Mitel One mobile application
      Then the End User License Agreement is not displayed in the Mitel One mobile application

  Rule: Permissions
    The app generates on-screen messages asking for permissions when you log in for the first time
    after installation.

    @req:MO-PERM-1
    Scenario: At the first login after installation the app asks for permissions
      Given a Mitel One user who has logged in before
      When the user logs in to the Mitel One web application with the password
      Then the app asks, on screen, for the permissions some features need

    # The document names no permission: notifications (incoming calls and messages) and the
    # microphone (calls) are the harness's assumption of what "certain features" need.
    @req:MO-PERM-1
    Scenario: Allowed on screen, the app asks the browser for the permissions its features need
      Given a Mitel One user who has logged in before
      When the user logs in to the Mitel One web application with the password
      And the user allows them
      Then the browser asked for permission to show notifications and to use the microphone

    @req:MO-PERM-1
    Scenario: Once granted, the permissions are not asked for again
      Given a Mitel One user who has logged in before
      When the user logs in to the Mitel One web application with the password
      And the app asks, on screen, for the permissions some features need
      And the user allows them
      And the user logs out of the Mitel One web application
      And the user logs in to the Mitel One web application with the password
      Then the app does not ask for the permissions again
