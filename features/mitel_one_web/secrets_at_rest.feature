@browser @doc:mitel-one-log-in-out
Feature: The Mitel One web application keeps no password or code in the browser
  The documents say nothing of what the web application may keep in the user's browser. Whatever
  a page's script can read back there (local and session storage, IndexedDB, cookies not marked
  HttpOnly, Cache Storage, where a service worker keeps what it caches) any script of the page can
  read too, and it outlives the session: no password, and no code (an authorization or
  verification code), is kept there after login, after a refused password or after logout; after
  logout, no token of the ended session either (the tokens it was given, and the ones it sent).

  Background:
    Given the user's web browser is Google Chrome

  @req:SEC-REST-1
  Scenario: After logging in with the password, the browser keeps no password
    Given a Mitel One user who has logged in before
    When the user logs in to the Mitel One web application with the password
    Then the user is logged in to the Mitel One web application
    And the browser keeps no password or code of the user where a page's script can read it

  @req:SEC-REST-1
  Scenario: After a wrong password, the browser keeps no password
    Given a Mitel One user who has logged in before
    When the user clicks the URL https://one.mitel.io
    And the user clicks SIGN IN
    And the user enters the e-mail id as the user name
    And the user clicks Next
    And the user enters a wrong password in the Password field
    And the user clicks Next
    Then the Mitel user login page shows an error
    And the browser keeps no password or code of the user where a page's script can read it

  @req:SEC-REST-1 @idp:azure-ad
  Scenario: After Single Sign On, the browser keeps no code
    Given a Mitel One user whose IT administrator configured Single Sign-On
    When the user clicks the URL https://one.mitel.io
    And the user clicks SIGN IN
    And the user enters the User Principal Name as the user name
    And the user clicks Next
    And the user clicks Single Sign On
    And the user uses the enterprise credentials to log in
    And the user answers No to Stay signed in?
    Then the user is logged in to the Mitel One web application
    And the browser keeps no password or code of the user where a page's script can read it

  @req:SEC-REST-1
  Scenario: After logout, the browser keeps no password, code or token of the session
    Given a Mitel One user who has logged in before
    When the user logs in to the Mitel One web application with the password
    And the user logs out of the Mitel One web application
    Then the user is logged out of the Mitel One web application
    And the browser keeps no password, code or token of the ended session where a page's script can read it

  # ASVS 4.0.3 V8.2.3: authenticated data is cleared from client storage once the session ends; a
  # service worker that caches what the platform sent keeps it past Logout, for the next user. The
  # user has used this browser before, as a service worker serves a page's requests from the next
  # visit on.
  @req:SEC-REST-1
  Scenario: After logout, the browser keeps none of the calls and messages the user received
    Given a Mitel One user who has logged in before
    And the user has logged in to the Mitel One web application with the password and logged out
    When a colleague calls the user
    And a colleague sends the user a message
    And the user logs in to the Mitel One web application with the password
    And the user logs out of the Mitel One web application
    Then the user is logged out of the Mitel One web application
    And the browser keeps none of the calls and messages the user received where a page's script can read it
