import { scenario as s, type LanguageCorpus } from './types';

/** Dutch. */
export const nl: LanguageCorpus = {
  firstNames: ['Jan', 'Sofie', 'Pieter', 'Lotte', 'Bram', 'Eline', 'Wouter', 'Fien'],
  lastNames: [
    'de Vries',
    'Janssens',
    'Peeters',
    'Maes',
    'van den Berg',
    'Claes',
    'Willems',
    'Jacobs',
  ],
  departments: ['Boekhouding', 'Verkoop', 'Personeelsdienst', 'Logistiek', 'Juridische dienst'],
  locations: ['Gent, 3de verdieping', 'Antwerpen kantoor', 'Thuiswerk', 'Utrecht, gebouw C'],
  scenarios: [
    s(
      'printer/paper-jam',
      'Printer op de {floor} verdieping loopt steeds vast',
      'Het papier loopt vast in lade 2, ook na het leegmaken van de lade.',
      'Papierstoring in lade 2',
      'Lade leeggemaakt en printer opnieuw opgestart',
    ),
    s(
      'account/password-reset',
      'Wachtwoord verlopen, kan niet aanmelden',
      'Na het verlof is het wachtwoord verlopen en de herstelcode komt niet aan.',
      'Uw wachtwoord is verlopen',
      'Twee keer de herstelkoppeling geprobeerd',
    ),
    s(
      'network/vpn',
      'VPN-verbinding valt telkens weg bij thuiswerk',
      'De verbinding valt om de paar minuten weg, vergaderingen haperen.',
      'De externe host heeft de verbinding verbroken',
      'Router en laptop herstart',
    ),
    s(
      'hardware/dock',
      'Dockingstation herkent het scherm niet meer',
      'Sinds de update blijft het externe scherm zwart via het dockingstation.',
      'Geen signaal',
      'Kabel vervangen en dock losgekoppeld',
    ),
    s(
      'software/office',
      'Excel loopt vast bij het openen van grote bestanden',
      'Bestanden boven de 50 MB laten Excel bevriezen, daarna sluit het af.',
      'Excel reageert niet',
      'Invoegtoepassingen uitgeschakeld',
    ),
    s(
      'email/calendar',
      'Agenda-uitnodigingen komen niet aan',
      'Collega’s zien de uitnodigingen niet, de vergaderzalen worden niet geboekt.',
      '',
      'Outlook opnieuw gestart',
    ),
    s(
      'network/wired',
      'Geen netwerk op de vaste werkplek',
      'De netwerkkabel geeft geen verbinding, het lampje van de poort brandt niet.',
      'Netwerkkabel niet aangesloten',
      'Andere poort geprobeerd',
    ),
  ],
  calls: [
    'Gebruiker belde: het probleem is sinds vanochtend terug.',
    'Gebruiker teruggebeld en samen de controles overlopen.',
    'Gebruiker bevestigt dat de tijdelijke oplossing werkt.',
    'Voicemail ingesproken, probeer vanmiddag opnieuw.',
  ],
  emails: [
    'Stappen om de cache te wissen naar de gebruiker gestuurd.',
    'Gebruiker stuurde een schermafdruk van de foutmelding.',
    'Gevraagd in welke zaal en op welk tijdstip het gebeurt.',
  ],
  chats: [
    'Gebruiker in de chat: nog steeds hetzelfde na de herstart.',
    'Koppeling naar het kennisbankartikel gedeeld.',
    'Gebruiker vraagt of een vervangtoestel mogelijk is.',
  ],
  notes: [
    'Gebeurtenislogboek nagekeken: stuurprogrammafouten bij elk ontwaken.',
    'Zelfde melding op twee andere toestellen op deze verdieping.',
    'Leverancier moet de garantie nog bevestigen.',
  ],
  resolutions: [
    'Stuurprogramma en firmware bijgewerkt; getest met de gebruiker.',
    'Wachtwoord opnieuw ingesteld en tweestapsverificatie opnieuw gekoppeld.',
    'Defecte poort op de switch vervangen.',
  ],
};
