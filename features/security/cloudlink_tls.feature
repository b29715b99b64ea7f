Feature: The CloudLink Unified login page over a certificate the device must not trust
  The embedded web view that shows CloudLink's Unified login page trusts what the device trusts,
  as the client's own requests do (SEC-TLS-2, assumed): a page presented with a certificate from
  an unknown authority, or issued for another host name, is refused and the user is told.

  @req:SEC-TLS-2
  Scenario Outline: A CloudLink Unified login page that presents <certificate> is refused on a <device>
    Given a MiCollab user whose CloudLink-based Authentication is enabled
    And the MiCollab Client application is installed on a <device> with the MiCollab server from the welcome e-mail
    And the CloudLink Unified login page presents <certificate>
    When the user opens the MiCollab Client application
    And the user clicks Accept on the license agreement screen
    And the user enters the Email ID from the MiCollab welcome e-mail
    And the user clicks Next
    Then the client refuses to connect and tells the user
    And the CloudLink Unified login page received nothing from the client

    Examples:
      | device  | certificate                                                |
      | PC      | a certificate from an authority the device does not trust |
      | PC      | a certificate for another host name                        |
      | MAC     | a certificate from an authority the device does not trust |
      | MAC     | a certificate for another host name                        |
      | iOS     | a certificate from an authority the device does not trust |
      | iOS     | a certificate for another host name                        |
      | Android | a certificate from an authority the device does not trust |
      | Android | a certificate for another host name                        |
