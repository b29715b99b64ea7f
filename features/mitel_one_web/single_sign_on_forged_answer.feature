@browser
@doc:mitel-one-log-in-out
Feature: A forged answer to Single Sign On is refused by the Mitel One web application
  "Contact your IT administrator if you are not able to sign in to the application using the SSO
  option." Single Sign On is an authorization-code flow through CloudLink (PKCE S256, state and
  nonce), and a mismatch is refused (SEC-OAUTH-1 on the wire). Here the answer that comes back
  to the application is forged, as someone between CloudLink and the browser could forge it:
  with a state the application never sent, with no state, or with the answer of another sign-in. The sign-in
  fails: the application redeems no code, does not log the user in, and gives the advice.

  Background:
    Given the user's web browser is Google Chrome
    And a Mitel One user whose IT administrator configured Single Sign-On

  @req:MO-SSO-3 @idp:azure-ad
  Scenario Outline: An answer to Single Sign On with <forgery> is refused
    Given CloudLink's answer to the user's next sign-in is forged with <forgery>
    When the user clicks the URL https://one.mitel.io
    And the user clicks SIGN IN
    And the user enters the User Principal Name as the user name
    And the user clicks Next
    And the user clicks Single Sign On
    And the user uses the enterprise credentials to log in
    And the user answers No to Stay signed in?
    Then the client says "Contact your IT administrator"
    And the forged answer's code was not redeemed at CloudLink's token endpoint
    And the Mitel One page is not displayed

    Examples:
      | forgery                     |
      | a state that does not match |
      | another sign-in's code      |
      | no state                    |
