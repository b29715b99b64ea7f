Feature: Authorization-code flows are protected
  Authorization-code flows use PKCE (S256), state and, for OpenID Connect, nonce; a mismatch is
  refused; an authorization code is single-use. The wire audit checks every authorization request
  and every code of every scenario (present, fresh and unguessable values, the verifier of the
  code's own sign-in, a code redeemed once); these scenarios make each a requirement of its own,
  on the MiCollab Client's CloudLink sign-in.

  Background:
    Given a MiCollab user whose CloudLink-based Authentication is enabled
    And the MiCollab Client application is installed on a PC with the MiCollab server from the welcome e-mail

  @req:SEC-OAUTH-1
  Scenario: The CloudLink authorization request carries PKCE S256, state and nonce
    When the user opens the MiCollab Client application
    And the user clicks Accept on the license agreement screen
    And the user enters the Email ID from the MiCollab welcome e-mail
    And the user clicks Next
    And the user clicks Next on the CloudLink Sign-in page
    And the user enters the CloudLink password on the CloudLink Authorization page
    And the user clicks Sign in
    Then every authorization request the client made used PKCE S256, state and nonce
    And the user is logged in to MiCollab Client

  @req:SEC-OAUTH-1
  Scenario: Each sign-in has a state, nonce and code challenge of its own, none guessable
    Given the user has logged in to MiCollab Client with the CloudLink password and clicked Logout
    When the user enters the Email ID from the MiCollab welcome e-mail
    And the user clicks Next
    And the user clicks Next on the CloudLink Sign-in page
    And the user enters the CloudLink password on the CloudLink Authorization page
    And the user clicks Sign in
    Then every authorization request the client made had a fresh, unguessable state, nonce and code challenge
    And the user is logged in to MiCollab Client

  @req:SEC-OAUTH-2
  Scenario: The authorization code is redeemed once
    When the user opens the MiCollab Client application
    And the user clicks Accept on the license agreement screen
    And the user enters the Email ID from the MiCollab welcome e-mail
    And the user clicks Next
    And the user clicks Next on the CloudLink Sign-in page
    And the user enters the CloudLink password on the CloudLink Authorization page
    And the user clicks Sign in
    Then the client redeemed each authorization code once only
    And the user is logged in to MiCollab Client

  Rule: A forged answer to the sign-in is refused
    Someone between CloudLink and the client sends the answer in place of CloudLink: with a state
    the client never sent, with no state at all, or with the answer of another sign-in. The documents print no words
    for the error: any message the client shows counts.

    @req:SEC-OAUTH-1
    Scenario Outline: CloudLink's answer with <forgery> is refused
      Given CloudLink's answer to the user's next sign-in is forged with <forgery>
      When the user opens the MiCollab Client application
      And the user clicks Accept on the license agreement screen
      And the user enters the Email ID from the MiCollab welcome e-mail
      And the user clicks Next
      And the user clicks Next on the CloudLink Sign-in page
      And the user enters the CloudLink password on the CloudLink Authorization page
      And the user clicks Sign in
      Then the client shows an error
      And the forged answer's code was not redeemed at CloudLink's token endpoint
      And the user is not logged in

      Examples:
        | forgery                     |
        | a state that does not match |
        | another sign-in's code      |
        | no state                    |
