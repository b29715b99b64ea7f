Feature: Authorization-code flows are protected
  Authorization-code flows use PKCE (S256), state and, for OpenID Connect, nonce; a mismatch is
  refused. The wire audit checks every authorization request of every scenario; this one makes
  it a requirement of its own, on the MiCollab Client's CloudLink sign-in.

  @req:SEC-OAUTH-1
  Scenario: The CloudLink authorization request carries PKCE S256, state and nonce
    Given a MiCollab user whose CloudLink-based Authentication is enabled
    And the MiCollab Client application is installed on a PC with the MiCollab server from the welcome e-mail
    When the user opens the MiCollab Client application
    And the user clicks Accept on the license agreement screen
    And the user enters the Email ID from the MiCollab welcome e-mail
    And the user clicks Next
    And the user clicks Next on the CloudLink Sign-in page
    And the user enters the CloudLink password on the CloudLink Authorization page
    And the user clicks Sign in
    Then every authorization request the client made used PKCE S256, state and nonce
    And the user is logged in to MiCollab Client
