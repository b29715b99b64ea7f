@browser @doc:mitel-one-log-in-out
Feature: Log out of the Mitel One web application
  To log out of the application, click your avatar, and from the drop-down panel that opens,
  click Logout.

  @req:MO-OUT-1
  Scenario: Avatar, then Logout in the drop-down panel, logs the user out
    Given the user's web browser is Google Chrome
    And a Mitel One user
    When the user clicks the URL https://one.mitel.io
    And the user clicks SIGN IN
    And the user enters the e-mail id as the user name
    And the user clicks Next
    And the user enters the password specified while registering in the Password field
    And the user clicks Next
    And the user clicks the avatar
    And the user clicks Logout
    Then the user is logged out of the Mitel One web application
