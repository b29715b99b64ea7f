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
    Scenario Outline: The <name> is the user name
      Given a Mitel One user
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the <name> as the user name
      And the user clicks Next
      And the user enters the password specified while registering in the Password field
      And the user clicks Next
      Then the user is logged in to the Mitel One web application

      Examples:
        | name                    |
        | e-mail id               |
        | User Principal Name     |

    @req:MO-IN-5 @req:MO-SSO-1
    Scenario: Next leads to the Mitel account password, and no Single Sign On where SSO is not configured
      Given a Mitel One user
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

  Rule: Using the Mitel account password

    @req:MO-PW-1
    Scenario: A wrong password is refused
      Given a Mitel One user
      When the user clicks the URL https://one.mitel.io
      And the user clicks SIGN IN
      And the user enters the e-mail id as the user name
      And the user clicks Next
      And the user enters a wrong password in the Password field
      And the user clicks Next
      Then the client says "incorrect"
      And the Mitel One page is not displayed
