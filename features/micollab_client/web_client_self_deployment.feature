@browser @needs:deployment-link
@doc:micollab-client-login
Feature: Log in to MiCollab Client using the MiCollab Web Client
  MiCollab for PC and MAC Clients, using the MiCollab Web Client: with MiCollab Client (PC or
  MAC) running in the background, log on to MiCollab Web Client and click the QR code (User
  Profile > Settings > General > Self Deployment). Click Open MiCollab. This opens your PC or
  MAC Client. Click Accept on the license agreement screen. Enter the password provided in the
  welcome e-mail message and click Apply.

  Background:
    Given a MiCollab user whose CloudLink-based Authentication is not enabled

  @req:MC-WEB-1
  Scenario Outline: With MiCollab Client running in the background on a <device>, the user logs on to MiCollab Web Client
    Given the MiCollab Client application is running in the background on a <device>
    When the user logs on to MiCollab Web Client with the Login ID and password from the MiCollab welcome e-mail
    Then the user is logged on to MiCollab Web Client

    Examples:
      | device |
      | PC     |
      | MAC    |

  @req:MC-WEB-1
  Scenario: A wrong password does not log the user on to MiCollab Web Client
    When the user logs on to MiCollab Web Client with a wrong password
    Then MiCollab Web Client shows an error
    And the user is not logged on to MiCollab Web Client

  @req:MC-WEB-2
  Scenario: The QR code of MiCollab Web Client's Self Deployment offers Open MiCollab
    Given the user has logged on to MiCollab Web Client
    When the user clicks the QR code (User Profile > Settings > General > Self Deployment)
    Then MiCollab Web Client offers Open MiCollab

  @req:MC-WEB-3
  Scenario Outline: Open MiCollab in MiCollab Web Client opens the MiCollab Client running on a <device>
    Given the MiCollab Client application is running in the background on a <device>
    And the user has logged on to MiCollab Web Client
    When the user clicks the QR code (User Profile > Settings > General > Self Deployment)
    And the user clicks the Open MiCollab link
    Then the MiCollab Client application opens on the license agreement screen

    Examples:
      | device |
      | PC     |
      | MAC    |

  @req:MC-WEB-2
  Scenario: The QR code in MiCollab Web Client carries the same deployment as Open MiCollab
    Given the user has logged on to MiCollab Web Client
    When the user clicks the QR code (User Profile > Settings > General > Self Deployment)
    Then the QR code carries the same deployment as the Open MiCollab link

  # Assumed: a deployment sets up one client (the server's deployment links are single-use), so
  # Self Deployment opened again carries one that no client has used yet.
  @req:MC-WEB-2
  Scenario: Self Deployment opened again carries a deployment that can still be used
    Given the MiCollab Client application is running in the background on a PC
    And the user has clicked the Open MiCollab link in MiCollab Web Client
    When the user clicks the QR code (User Profile > Settings > General > Self Deployment)
    Then the QR code and the Open MiCollab link carry a deployment that can still be used

  Rule: Then the MiCollab Client continues as it does from the link in the deployment e-mail

    @req:MC-WEB-4
    Scenario Outline: Opened from MiCollab Web Client on a <device>, the license agreement screen is accepted
      Given the MiCollab Client application is running in the background on a <device>
      And the user has clicked the Open MiCollab link in MiCollab Web Client
      When the user clicks Accept on the license agreement screen
      Then the password screen is displayed

      Examples:
        | device  |
        | PC      |
        | MAC     |

    @req:MC-WEB-4
    Scenario Outline: Opened from MiCollab Web Client on a <device>, the password provided in the welcome e-mail logs the user in
      Given the MiCollab Client application is running in the background on a <device>
      And the user has clicked the Open MiCollab link in MiCollab Web Client and accepted the license agreement
      When the user enters the password provided in the welcome e-mail message
      And the user clicks Apply
      Then the progressing screen is shown, followed by the MiCollab Home screen

      Examples:
        | device  |
        | PC      |
        | MAC     |
