import { scenario as s, type LanguageCorpus } from './types';

/** French. */
export const fr: LanguageCorpus = {
  firstNames: ['Marie', 'Lucas', 'Camille', 'Julien', 'Élodie', 'Mathieu', 'Chloé', 'François'],
  lastNames: ['Dubois', 'Lefèvre', 'Martin', 'Lambert', 'Dupont', 'Mercier', 'Girard', 'Leroy'],
  departments: ['Comptabilité', 'Ventes', 'Ressources humaines', 'Service juridique', 'Achats'],
  locations: ['Liège, 2e étage', 'Bruxelles, bâtiment A', 'Télétravail', 'Namur, accueil'],
  scenarios: [
    s(
      'network/wired',
      'Réseau très lent au {floor} étage',
      'Les téléchargements échouent et les partages de fichiers s’ouvrent très lentement.',
      'Connectivité limitée',
      'Redémarré le poste et changé de prise réseau',
    ),
    s(
      'printer/driver',
      'Impossible d’imprimer depuis la mise à jour',
      'L’imprimante apparaît hors ligne depuis la mise à jour de Windows.',
      'Le pilote d’imprimante est indisponible',
      'Réinstallé le pilote',
    ),
    s(
      'account/access-request',
      'Accès refusé au dossier partagé de l’équipe',
      'Depuis le changement de service, le dossier partagé affiche accès refusé.',
      'Accès refusé',
      'Déconnecté puis reconnecté le lecteur réseau',
    ),
    s(
      'hardware/laptop',
      'L’ordinateur portable surchauffe et s’éteint',
      'Le ventilateur tourne à fond puis l’ordinateur s’éteint pendant les réunions.',
      'Arrêt thermique',
      'Nettoyé les grilles d’aération',
    ),
    s(
      'email/mailbox',
      'Boîte aux lettres pleine, les courriels sont refusés',
      'Les expéditeurs reçoivent un message de boîte pleine.',
      'Quota de la boîte aux lettres dépassé',
      'Supprimé les anciens courriels',
    ),
    s(
      'software/install-request',
      'Demande d’installation du logiciel de cartographie',
      'Le nouveau collègue a besoin du logiciel pour préparer les tournées.',
      '',
      'Rien, demande nouvelle',
    ),
    s(
      'phone/mobile',
      'Le téléphone mobile ne synchronise plus le courrier',
      'Les courriels n’arrivent plus sur le téléphone depuis hier.',
      'Impossible de vérifier l’identité du serveur',
      'Redémarré le téléphone',
    ),
  ],
  calls: [
    'L’utilisateur a rappelé : le problème est revenu ce matin.',
    'Rappelé l’utilisateur, vérifications faites ensemble.',
    'L’utilisateur confirme que le contournement fonctionne.',
    'Laissé un message vocal, nouvel essai cet après-midi.',
  ],
  emails: [
    'Envoyé à l’utilisateur la procédure pour vider le cache.',
    'L’utilisateur a répondu avec une capture d’écran de l’erreur.',
    'Demandé dans quelle salle et à quelle heure cela arrive.',
  ],
  chats: [
    'Utilisateur dans le chat : toujours pareil après le redémarrage.',
    'Partagé le lien vers l’article de la base de connaissances.',
    'L’utilisateur demande un appareil de remplacement.',
  ],
  notes: [
    'Journal des événements vérifié : erreurs de pilote à chaque réveil.',
    'Même problème signalé sur deux autres postes de l’étage.',
    'En attente de la confirmation de garantie du fournisseur.',
  ],
  resolutions: [
    'Pilote et micrologiciel mis à jour ; testé avec l’utilisateur.',
    'Droits d’accès corrigés dans le groupe de l’équipe.',
    'Quota augmenté et archivage automatique activé.',
  ],
};
