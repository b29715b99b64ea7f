Feature: A browser that stops in the middle of a scenario
  The scenario reports a harness error, not a failure; the next scenario gets a new browser.

  Background:
    Given the user's web browser is Google Chrome

  Scenario: The browser stops in the middle of this scenario
    When the user clicks the URL https://one.mitel.io
    Then the Welcome to Mitel One page is displayed

  Scenario: The next scenario has a browser again
    When the user clicks the URL https://one.mitel.io
    Then the Welcome to Mitel One page is displayed
