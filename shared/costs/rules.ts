/**
 * The counting rules in French, as printed under a statement and shown in the interface, with the
 * hub's figures (surcharge bands, hours of a whole day). The rules themselves are ./counting.ts and
 * ./lines.ts; this text must say the same.
 */
import type { HubSettings } from '../domain/costs'
import { formatNumberFr } from './money'

function hourText(time: string): string {
  const [h, m] = time.split(':')
  return m === '00' ? `${Number(h)} h` : `${Number(h)} h ${m}`
}

/** One sentence per rule, in the order a reader needs them. */
export function countingRulesFr(settings: HubSettings): string[] {
  const s = settings.surcharges
  const night = `de ${hourText(s.nightStart)} à ${hourText(s.nightEnd)}`
  const day = `de ${hourText(s.nightEnd)} à ${hourText(s.nightStart)}`
  return [
    'Réservations comptées : acceptées, sorties ou rendues, rattachées à la période qui contient leur premier jour ; ' +
      'chacune au tarif en vigueur ce jour-là. Une réservation acceptée (ou modifiée) après l’émission du relevé ' +
      'de son premier jour figure sur le relevé suivant de la commune ; rien n’est facturé deux fois.',
    'À la journée : jours du calendrier (heure de Paris) couverts par la réservation, premier et dernier compris ' +
      '(un prêt du vendredi au lundi compte 4 jours ; une réservation de 20 h à 8 h le lendemain, 2 jours).',
    'À la demi-journée : matinées (avant 12 h) et après-midi (à partir de 12 h) couverts ; une journée entière en compte deux.',
    'Au m² par jour : surface de la ressource × jours comptés comme ci-dessus. Au prêt : une fois par réservation et par unité.',
    'À l’heure : temps réellement écoulé, arrondi au quart d’heure supérieur (la nuit du passage à l’heure d’été ' +
      `compte une heure de moins) ; une réservation à la journée compte ${formatNumberFr(settings.allDayHours)} h par jour.`,
    `Agents : heures réparties selon l’heure de Paris, chaque tranche arrondie au quart d’heure supérieur — ${day} ` +
      `tarif de base ; ${night} +${s.nightPercent} % ; dimanches et jours fériés ${day} +${s.holidayDayPercent} %, ` +
      `${night} +${s.holidayNightPercent} %.`,
    'Matériel prêté gratuitement aux communes membres : la ligne figure à 0 €. Matériel rendu abîmé ou manquant : ' +
      'facturé à sa valeur de remplacement sur constat confirmé par le responsable du pôle, dans le relevé de la période de ce constat ' +
      'ou, si ce relevé est déjà émis, dans le suivant ; le responsable peut aussi décider, motif à l’appui, de ne pas le facturer.',
    'Montants en euros ; chaque ligne est arrondie au centime le plus proche (un demi-centime au centime supérieur).',
  ]
}
