import { scenario as s, type LanguageCorpus } from './types';

/** English. */
export const en: LanguageCorpus = {
  firstNames: ['Emma', 'Oliver', 'Sophie', 'James', 'Grace', 'Thomas', 'Chloe', 'Daniel'],
  lastNames: ['Smith', 'Taylor', 'Brown', 'Wilson', 'Walker', 'Hughes', 'Clarke', 'Wright'],
  departments: ['Finance', 'Sales', 'Human Resources', 'Legal', 'Procurement'],
  locations: ['London, 2nd floor', 'Manchester office', 'Home office', 'Reading, building B'],
  scenarios: [
    s(
      'printer/print-quality',
      'Printer on the {floor} floor prints blank pages',
      'Every job comes out blank since this morning; the queue shows them as printed.',
      'Toner low',
      'Restarted the printer and printed a test page',
    ),
    s(
      'network/vpn',
      'VPN disconnects every few minutes when working from home',
      'The VPN client drops the connection and reconnects, video calls freeze.',
      'The VPN connection was terminated by the remote host',
      'Rebooted the router and the laptop',
    ),
    s(
      'account/password-reset',
      'Password expired, cannot sign in',
      'After the holidays the password expired and the self-service reset does not send the code.',
      'Your password has expired and must be changed',
      'Tried the reset link twice',
    ),
    s(
      'hardware/laptop',
      'Laptop will not start after the update',
      'The laptop shows the logo and then a black screen with a blinking cursor.',
      'No bootable device found',
      'Held the power button for 30 seconds, removed the dock',
    ),
    s(
      'email/mailbox',
      'Outlook keeps asking for the password',
      'Outlook prompts for credentials every few minutes and mail stops syncing.',
      'Need password',
      'Removed the saved credentials',
    ),
    s(
      'software/business-app',
      'Invoicing application crashes when exporting to PDF',
      'Exporting any invoice to PDF closes the application without a message.',
      'Unhandled exception in module export',
      'Reinstalled the PDF printer',
    ),
    s(
      'network/wifi',
      'Wi-Fi very slow in the meeting rooms',
      'Downloads stall and screen sharing fails in the rooms on the east side.',
      'Limited connectivity',
      'Moved closer to the access point',
    ),
    s(
      'hardware/monitor',
      'Second monitor flickers',
      'The external monitor flickers and goes black for a second every few minutes.',
      '',
      'Swapped the HDMI cable',
    ),
  ],
  calls: [
    'User called: the problem is back since this morning.',
    'Called the user back, walked through the checks together.',
    'User confirms the workaround helps for now.',
    'Left a voicemail, will try again this afternoon.',
  ],
  emails: [
    'Sent the user the steps to clear the cache.',
    'User replied with a screenshot of the error.',
    'Asked the user which room and which time it happens.',
  ],
  chats: [
    'User in chat: still the same after the restart.',
    'Shared the link to the knowledge base article in chat.',
    'User asks whether a replacement is possible.',
  ],
  notes: [
    'Checked the event log: driver errors at every wake-up.',
    'Same issue reported on two other machines on this floor.',
    'Firmware is two versions behind; update planned.',
    'Waiting for the vendor to confirm the warranty.',
  ],
  resolutions: [
    'Updated the driver and firmware; tested with the user.',
    'Reset the password and re-enrolled multi-factor authentication.',
    'Replaced the faulty cable; no flicker after an hour.',
    'Reconfigured the access point channels.',
  ],
};
