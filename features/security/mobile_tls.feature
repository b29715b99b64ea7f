Feature: The Mitel One mobile application over a certificate the device must not trust
  The Mitel One mobile application trusts what the device trusts (MOB-TLS-1, assumed): a Mitel
  One platform presented with a certificate from an unknown authority, or issued for another
  host name, is refused and the user is told.

  @req:MOB-TLS-1
  Scenario Outline: The Mitel One platform presenting <certificate> is refused by the Mitel One mobile application
    Given a Mitel One user who has logged in before
    And the Mitel One platform presents <certificate>
    When the user logs in to the Mitel One mobile application
    Then the Mitel One mobile application refuses to connect and tells the user
    And the Mitel One platform received nothing from the Mitel One mobile application

    Examples:
      | certificate                                                |
      | a certificate from an authority the device does not trust |
      | a certificate for another host name                        |
