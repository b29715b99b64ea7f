@browser @doc:mitel-one-log-in-out
Feature: The Mitel One Progressive Web Application
  If you log in to the application using the Google Chrome or Microsoft Edge browser, you can
  install the Mitel One Progressive Web Application.

  # Microsoft Edge is Chromium presenting itself as Edge (Edge's user agent string and client
  # hints): an approximation, the harness runs no Edge build. A page sees Edge, so an application
  # that treats Edge apart is caught; a difference in Edge's own engine is not.
  @req:MO-PWA-1
  Scenario Outline: Logged in with <browser>, the Progressive Web Application can be installed
    Given the user's web browser is <browser>
    And a Mitel One user who has logged in before
    When the user logs in to the Mitel One web application with the password
    Then the browser can install the Mitel One Progressive Web Application

    Examples:
      | browser        |
      | Google Chrome  |
      | Microsoft Edge |
