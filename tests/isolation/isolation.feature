Feature: Every scenario starts from a fresh browser
  The session's one browser is reused by every scenario; nothing one scenario leaves in it is
  seen by the next.

  Background:
    Given the user's web browser is Google Chrome

  Scenario: A scenario leaves every kind of state behind
    When the user clicks the URL https://one.mitel.io
    And the page leaves every kind of state behind
    Then the page holds every kind of state

  Scenario: The next scenario finds none of it
    When the user clicks the URL https://one.mitel.io
    Then the page finds no state left behind
