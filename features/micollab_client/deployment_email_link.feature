@needs:deployment-link
@doc:micollab-client-login
Feature: Log in to MiCollab Client using the link in the deployment e-mail
  MiCollab for PC and MAC Clients, using the link in the deployment e-mail:
  click the link provided in the deployment e-mail message, which opens the MiCollab Client
  application; click Accept on the license agreement screen; enter the password provided in
  the welcome e-mail message and click Apply.

  Background:
    Given a MiCollab user whose CloudLink-based Authentication is not enabled

  @req:MC-LINK-1
  Scenario Outline: The link in the deployment e-mail opens the MiCollab Client application on a <device>
    Given the MiCollab Client application is installed on a <device>
    When the user clicks the link provided in the deployment e-mail message
    Then the MiCollab Client application opens on the license agreement screen

    Examples:
      | device |
      | PC     |
      | MAC    |

  @req:MC-LINK-2
  Scenario Outline: The license agreement screen is accepted on a <device>
    Given the MiCollab Client application is installed on a <device>
    When the user clicks the link provided in the deployment e-mail message
    And the user clicks Accept on the license agreement screen
    Then the password screen is displayed

    Examples:
      | device  |
      | PC      |
      | MAC     |

  @req:MC-LINK-3 @req:MC-CL-9
  Scenario Outline: The password provided in the welcome e-mail logs the user in on a <device>
    Given the MiCollab Client application is installed on a <device>
    And the user has clicked the link in the deployment e-mail and accepted the license agreement
    When the user enters the password provided in the welcome e-mail message
    And the user clicks Apply
    Then the progressing screen is shown, followed by the MiCollab Home screen

    Examples:
      | device  |
      | PC      |
      | MAC     |

  @req:MC-LINK-3
  Scenario Outline: A wrong password does not log the user in on a <device>
    Given the MiCollab Client application is installed on a <device>
    And the user has clicked the link in the deployment e-mail and accepted the license agreement
    When the user enters a wrong password
    And the user clicks Apply
    Then the password screen shows an error
    And the user is not logged in

    Examples:
      | device  |
      | PC      |
      | MAC     |

  Rule: A deployment link works once, and only until it expires

    @req:SEC-OAUTH-2
    Scenario Outline: An expired deployment link does not deploy the client on a <device>
      Given the deployment e-mail has expired
      And the MiCollab Client application is installed on a <device>
      When the user clicks the link provided in the deployment e-mail message
      Then the client shows an error
      And the license agreement screen is not displayed

      Examples:
        | device  |
        | PC      |
        | MAC     |

    @req:SEC-OAUTH-2
    Scenario Outline: A deployment link that was already used does not deploy the client on a <device> again
      Given the link in the deployment e-mail has been used on another computer
      And the MiCollab Client application is installed on a <device>
      When the user clicks the link provided in the deployment e-mail message
      Then the client shows an error
      And the license agreement screen is not displayed

      Examples:
        | device  |
        | PC      |
        | MAC     |
