@doc:micollab-client-login
Feature: Log in to MiCollab Client using the authentication code in the deployment e-mail
  MiCollab for PC and MAC Clients, using the authentication code in the deployment e-mail:
  open the MiCollab Client application; copy and paste the authentication code provided from
  the deployment e-mail and click Apply. If this is not your first login, click Import to
  import the user data. Click Accept on the license agreement screen. Enter the password
  provided in the welcome e-mail message and click Apply.

  Rule: First login

    Background:
      Given a MiCollab user whose CloudLink-based Authentication is not enabled

    @req:MC-CODE-1
    Scenario Outline: The pasted authentication code deploys the client on a <device>
      Given the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user pastes the authentication code provided in the deployment e-mail
      And the user clicks Apply
      Then the license agreement screen is displayed

      Examples:
        | device  |
        | PC      |
        | MAC     |

    # An assumption: "Copy and paste the authentication code" copies a line of the e-mail, and a
    # line copied from an e-mail brings its line break along; the code is the same code.
    @req:MC-CODE-1
    Scenario Outline: The authentication code pasted with the line break copied along with it deploys the client on a <device>
      Given the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user pastes the authentication code provided in the deployment e-mail, copied with its line break
      And the user clicks Apply
      Then the license agreement screen is displayed

      Examples:
        | device  |
        | PC      |
        | MAC     |

    @req:MC-CODE-2
    Scenario Outline: Import is not offered at the first login on a <device>
      Given the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user pastes the authentication code provided in the deployment e-mail
      And the user clicks Apply
      Then the client does not offer Import

      Examples:
        | device  |
        | PC      |
        | MAC     |

    @req:MC-CODE-4 @req:MC-CL-9
    Scenario Outline: The password provided in the welcome e-mail logs the user in on a <device>
      Given the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user pastes the authentication code provided in the deployment e-mail
      And the user clicks Apply
      And the user clicks Accept on the license agreement screen
      And the user enters the password provided in the welcome e-mail message
      And the user clicks Apply
      Then the progressing screen is shown, followed by the MiCollab Home screen

      Examples:
        | device  |
        | PC      |
        | MAC     |

    @req:SEC-OAUTH-2
    Scenario Outline: An expired authentication code does not deploy the client on a <device>
      Given the MiCollab Client application is installed on a <device>
      And the deployment e-mail has expired
      When the user opens the MiCollab Client application
      And the user pastes the authentication code provided in the deployment e-mail
      And the user clicks Apply
      Then the client shows an error
      And the license agreement screen is not displayed

      Examples:
        | device  |
        | PC      |
        | MAC     |

    @req:SEC-OAUTH-2 @needs:deployment-link
    Scenario Outline: An authentication code that was already used does not deploy the client on a <device> again
      Given the MiCollab Client application is installed on a <device>
      And the link in the deployment e-mail has been used on another computer
      When the user opens the MiCollab Client application
      And the user pastes the authentication code provided in the deployment e-mail
      And the user clicks Apply
      Then the client shows an error
      And the license agreement screen is not displayed

      Examples:
        | device  |
        | PC      |
        | MAC     |

  Rule: Not the first login

    Background:
      Given a MiCollab user who has logged in to MiCollab Client before

    @req:MC-CODE-2
    Scenario Outline: Import is offered on a <device> when this is not the first login
      Given the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user pastes the authentication code provided in the deployment e-mail
      And the user clicks Apply
      Then the client offers Import

      Examples:
        | device  |
        | PC      |
        | MAC     |

    @req:MC-CODE-2
    Scenario Outline: Import imports the user data on a <device>
      Given the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user pastes the authentication code provided in the deployment e-mail
      And the user clicks Apply
      And the user clicks Import
      And the user clicks Accept on the license agreement screen
      And the user enters the password provided in the welcome e-mail message
      And the user clicks Apply
      Then the user data is imported

      Examples:
        | device  |
        | PC      |
        | MAC     |

    @req:MC-CODE-3
    Scenario Outline: The license agreement screen follows Import on a <device>
      Given the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user pastes the authentication code provided in the deployment e-mail
      And the user clicks Apply
      And the user clicks Import
      Then the license agreement screen is displayed

      Examples:
        | device  |
        | PC      |
        | MAC     |

    @req:MC-CODE-4
    Scenario Outline: After Import and the license agreement, the client asks for the password on a <device>
      Given the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user pastes the authentication code provided in the deployment e-mail
      And the user clicks Apply
      And the user clicks Import
      And the user clicks Accept on the license agreement screen
      Then the password screen is displayed, with no error

      Examples:
        | device  |
        | PC      |
        | MAC     |

    @req:MC-CODE-4 @req:MC-CL-9
    Scenario Outline: After Import, the password provided in the welcome e-mail logs the user in on a <device>
      Given the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user pastes the authentication code provided in the deployment e-mail
      And the user clicks Apply
      And the user clicks Import
      And the user clicks Accept on the license agreement screen
      And the user enters the password provided in the welcome e-mail message
      And the user clicks Apply
      Then the progressing screen is shown, followed by the MiCollab Home screen

      Examples:
        | device  |
        | PC      |
        | MAC     |

    # Assumed, as for every password the documents ask for: a wrong one logs nobody in and shows
    # an error (the document gives only the way that succeeds).
    @req:MC-CODE-4
    Scenario Outline: After Import, a wrong password does not log the user in on a <device>
      Given the MiCollab Client application is installed on a <device>
      When the user opens the MiCollab Client application
      And the user pastes the authentication code provided in the deployment e-mail
      And the user clicks Apply
      And the user clicks Import
      And the user clicks Accept on the license agreement screen
      And the user enters a wrong password
      And the user clicks Apply
      Then the password screen shows an error
      And the user is not logged in

      Examples:
        | device  |
        | PC      |
        | MAC     |
