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
