@doc:mitel-one-log-in-out
Feature: The end user agreement in the Mitel One mobile application
  After successful sign in, the End User License Agreement (EULA) is displayed. Select the check
  box to accept the end user agreement, and click CONFIRM to log in to the application. If you
  accept the agreement from one of the type of Mitel One client (that is Mobile, or Web), the
  agreement will not appear again when the user logs in from other types of Mitel One client.

  @req:MOB-EULA-2
  Scenario: CONFIRM is not possible in the Mitel One mobile application before the check box is selected
    Given a Mitel One user who has never logged in
    When the user logs in to the Mitel One mobile application
    Then the End User License Agreement is displayed in the Mitel One mobile application
    And CONFIRM is not offered in the Mitel One mobile application

  # Accepting is the check box and CONFIRM: the agreement only displayed, or its box only
  # selected, is not accepted, and appears at the user's next login on the web.
  @req:MOB-EULA-2 @browser
  Scenario: Selected but not confirmed in the Mitel One mobile application, the agreement still appears on the web
    Given the user's web browser is Google Chrome
    And a Mitel One user who has never logged in
    And the user selected the check box of the end user agreement in the Mitel One mobile application, but did not click CONFIRM
    When the user logs in to the Mitel One web application with the password
    Then the End User License Agreement page is displayed

  # Assumed: the acceptance is the platform's record, which every client type reads; a CONFIRM the
  # platform fails to record is no acceptance, and the mobile application says so.
  @req:MOB-EULA-1
  Scenario: CONFIRM that the Mitel One platform fails to record leaves the agreement displayed in the mobile application
    Given a Mitel One user who has never logged in
    And the Mitel One platform fails to record the end user agreement
    When the user logs in to the Mitel One mobile application
    And the user selects the check box and clicks CONFIRM in the Mitel One mobile application
    Then the Mitel One mobile application still displays the End User License Agreement, with an error
