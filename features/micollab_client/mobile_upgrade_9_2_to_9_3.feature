@needs:mobile-upgrade
@doc:micollab-client-login
Feature: MiCollab Mobile Client upgraded from 9.2 to 9.3
  In case the MiCollab Client version 9.2 is upgraded to 9.3 after the MiCollab server upgrade to
  9.3, then MiCollab Mobile Client does not direct to the Single Sign-On page in this step.
  Perform below few steps for the MiCollab Mobile client to enable to SSO page: click on the Back
  button on the Password page, enter the username, click Next. The Mobile Client then directs the
  user to the Single Sign-On page followed by the password page.

  The documented behaviour is a known issue, not a requirement: a client that directs to the
  Single Sign-On page at once conforms, and the summary says whether the client has the issue.

  Background:
    Given a MiCollab user whose CloudLink-based Authentication is enabled, on a MiCollab server upgraded to 9.3

  @req:MC-UPG-1
  Scenario Outline: After the upgrade, Next on <device> directs to the Single Sign-On page, or to the password page
    Given the MiCollab Client application on a <device> was upgraded from 9.2 to 9.3 after the server
    When the user opens the MiCollab Client application
    And the user taps the Mitel logo 3 times
    And the user enters the Server Hostname and the Login ID/Email ID from the MiCollab welcome e-mail
    And the user clicks Next
    Then the client directs to the Single Sign-On page or, as the known issue says, to the password page

    Examples:
      | device  |
      | iOS     |
      | Android |

  @req:MC-UPG-2
  Scenario Outline: Back on the Password page, the username and Next lead a <device> to Single Sign-On, then the password page
    Given the MiCollab Client application on a <device> was upgraded from 9.2 to 9.3 after the server
    When the user opens the MiCollab Client application
    And the user taps the Mitel logo 3 times
    And the user enters the Server Hostname and the Login ID/Email ID from the MiCollab welcome e-mail
    And the user clicks Next
    And if the Password page is displayed, the user clicks on the Back button, enters the username and clicks Next
    And the user clicks Next on the CloudLink Sign-in page
    Then the CloudLink Authorization page is displayed

    Examples:
      | device  |
      | iOS     |
      | Android |

  # The note is the Mobile Client's: a PC or MAC client upgraded the same way has no such issue.
  @req:MC-UPG-1
  Scenario Outline: After the same upgrade, Next on a <device> directs to the Single Sign-On page
    Given the MiCollab Client application on a <device> was upgraded from 9.2 to 9.3 after the server
    When the user opens the MiCollab Client application
    And the user taps the Mitel logo 3 times
    And the user enters the Server Hostname and the Login ID/Email ID from the MiCollab welcome e-mail
    And the user clicks Next
    Then the client directs to the Single Sign-On page

    Examples:
      | device |
      | PC     |
      | MAC    |
