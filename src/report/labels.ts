import type { Headline } from './model.js'
/**
 * The words of rendered reports, as data: one set per language, with the BCP 47 locale whose
 * `Intl` number and date formats go with it. English is the default; Norwegian (bokmål),
 * Swedish, Finnish and Polish are shipped. Make another by spreading one and replacing words.
 *
 * @category models
 * @since 0.2.0
 */
export interface Labels {
  readonly locale: string
  readonly serviceLevelReport: string
  readonly morningStatus: string
  readonly customer: string
  readonly status: string
  readonly reasons: string
  readonly health: Readonly<Record<'Critical' | 'NeedAttention' | 'Good', string>>
  readonly rules: Readonly<
    Record<
      'criticalPriority' | 'criticalCategory' | 'breached' | 'newOrReopened' | 'atRisk' | 'workaroundTooLong',
      string
    >
  >
  readonly period: string
  readonly previousPeriod: string
  readonly asOf: string
  readonly zone: string
  readonly policy: string
  readonly summary: string
  readonly volume: string
  readonly opened: string
  readonly resolved: string
  readonly reopened: string
  readonly backlogAtFrom: string
  readonly backlogAtAsOf: string
  readonly byPriority: string
  readonly byKind: string
  readonly byChannel: string
  readonly byCategory: string
  readonly perDay: string
  readonly date: string
  readonly times: string
  readonly metrics: Readonly<Record<'response' | 'resolution' | 'update' | 'restore', string>>
  readonly count: string
  readonly mean: string
  readonly median: string
  readonly p90: string
  readonly max: string
  readonly priority: string
  readonly allPriorities: string
  readonly distribution: string
  readonly upTo: string
  readonly over: string
  readonly attainment: string
  readonly met: string
  readonly breached: string
  readonly stoppedLate: string
  /** The cycle of a restarting clock a breach fell in, shown as `cycle 1/2`. @since 0.2.0 */
  readonly cycle: string
  readonly target: string
  readonly breaches: string
  readonly noBreaches: string
  readonly ticket: string
  readonly metric: string
  readonly due: string
  readonly stopped: string
  readonly running: string
  readonly overrun: string
  readonly explanation: string
  readonly closedHours: string
  readonly paused: string
  /**
   * Ends a list of a breach's explanation that a report cut short: `{n}` stands for how many
   * entries were left out (`and {n} more`), so the words must fit any count. @since 0.3.0
   */
  readonly andMore: string
  readonly resolutionQuality: string
  readonly firstLine: string
  readonly firstContact: string
  readonly reopenRate: string
  readonly escalations: string
  readonly tier: string
  readonly escalated: string
  readonly timeInTier: string
  readonly workarounds: string
  readonly restoredByWorkaround: string
  readonly onWorkaround: string
  readonly since: string
  readonly age: string
  readonly knownErrors: string
  readonly satisfaction: string
  readonly ratings: string
  readonly positive: string
  readonly neutral: string
  readonly negative: string
  readonly csat: string
  readonly netCsat: string
  readonly meanScore: string
  readonly responseRate: string
  readonly fewRatings: string
  readonly comparison: string
  readonly figure: string
  readonly current: string
  readonly previous: string
  readonly change: string
  readonly headlines: Readonly<Record<Headline, string>>
  readonly none: string
  readonly hours: string
  readonly minutes: string
  readonly chartOf: string
  readonly definitions: string
  readonly rejected: string
}

/**
 * English labels (the default).
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Report } from 'itsm-kit'
 * assert.deepStrictEqual([Report.en.locale, Report.en.health.NeedAttention], ['en-GB', 'Need attention'])
 * ```
 * @category constants
 * @since 0.2.0
 */
export const en: Labels = {
  locale: 'en-GB',
  serviceLevelReport: 'Service-level report',
  morningStatus: 'Morning status',
  customer: 'Customer',
  status: 'Status',
  reasons: 'Reasons',
  health: { Critical: 'Critical', NeedAttention: 'Need attention', Good: 'Good' },
  rules: {
    criticalPriority: 'critical priority',
    criticalCategory: 'critical category',
    breached: 'breached',
    newOrReopened: 'new or reopened',
    atRisk: 'at risk',
    workaroundTooLong: 'on a workaround too long'
  },
  period: 'Period',
  previousPeriod: 'Previous period',
  asOf: 'As of',
  zone: 'Time zone',
  policy: 'Agreement',
  summary: 'Summary',
  volume: 'Tickets',
  opened: 'Opened',
  resolved: 'Resolved',
  reopened: 'reopened',
  backlogAtFrom: 'Open at start',
  backlogAtAsOf: 'Open at end',
  byPriority: 'By priority',
  byKind: 'By kind',
  byChannel: 'By channel',
  byCategory: 'By category',
  perDay: 'Tickets per day',
  date: 'Date',
  times: 'Response and resolution times',
  metrics: { response: 'Response', resolution: 'Resolution', update: 'Update', restore: 'Restore' },
  count: 'Count',
  mean: 'Mean',
  median: 'Median',
  p90: '90th percentile',
  max: 'Maximum',
  priority: 'Priority',
  allPriorities: 'All',
  distribution: 'Distribution',
  upTo: 'up to',
  over: 'over',
  attainment: 'Agreement kept',
  met: 'Met',
  breached: 'Breached',
  stoppedLate: 'Stopped late',
  cycle: 'cycle',
  target: 'Target',
  breaches: 'Breaches',
  noBreaches: 'No breaches.',
  ticket: 'Ticket',
  metric: 'Metric',
  due: 'Due',
  stopped: 'Stopped',
  running: 'running',
  overrun: 'Overrun',
  explanation: 'Explanation',
  closedHours: 'closed',
  paused: 'paused',
  andMore: 'and {n} more',
  resolutionQuality: 'Resolution',
  firstLine: 'First-line resolution',
  firstContact: 'First-contact resolution',
  reopenRate: 'Reopen rate',
  escalations: 'Escalations',
  tier: 'Tier',
  escalated: 'Escalated',
  timeInTier: 'Time in tier',
  workarounds: 'Workarounds',
  restoredByWorkaround: 'Restored by a workaround',
  onWorkaround: 'Running on a workaround',
  since: 'Since',
  age: 'Age',
  knownErrors: 'Known errors without a permanent fix',
  satisfaction: 'Satisfaction',
  ratings: 'Ratings',
  positive: 'Positive',
  neutral: 'Neutral',
  negative: 'Negative',
  csat: 'CSAT',
  netCsat: 'Net CSAT',
  meanScore: 'Mean score',
  responseRate: 'Response rate',
  fewRatings: 'fewer than 30 ratings',
  comparison: 'Compared with the previous period',
  figure: 'Figure',
  current: 'This period',
  previous: 'Previous',
  change: 'Change',
  headlines: {
    opened: 'Opened',
    resolved: 'Resolved',
    backlogAtAsOf: 'Open at end',
    responseMedian: 'Median response',
    resolutionMedian: 'Median resolution',
    responseAttainment: 'Response kept',
    resolutionAttainment: 'Resolution kept',
    firstLineRate: 'First-line resolution',
    reopenRate: 'Reopen rate',
    csat: 'CSAT',
    netCsat: 'Net CSAT'
  },
  none: '–',
  hours: 'h',
  minutes: 'min',
  chartOf: 'Chart',
  definitions: 'Definitions',
  rejected: 'Histories not used'
}

/**
 * Norwegian (bokmål) labels.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Report } from 'itsm-kit'
 * assert.deepStrictEqual([Report.nb.locale, Report.nb.health.Good], ['nb-NO', 'Bra'])
 * ```
 * @category constants
 * @since 0.2.0
 */
export const nb: Labels = {
  locale: 'nb-NO',
  serviceLevelReport: 'Tjenestenivårapport',
  morningStatus: 'Morgenstatus',
  customer: 'Kunde',
  status: 'Status',
  reasons: 'Årsaker',
  health: { Critical: 'Kritisk', NeedAttention: 'Trenger oppfølging', Good: 'Bra' },
  rules: {
    criticalPriority: 'kritisk prioritet',
    criticalCategory: 'kritisk kategori',
    breached: 'brutt',
    newOrReopened: 'ny eller gjenåpnet',
    atRisk: 'i faresonen',
    workaroundTooLong: 'for lenge på midlertidig løsning'
  },
  period: 'Periode',
  previousPeriod: 'Forrige periode',
  asOf: 'Per',
  zone: 'Tidssone',
  policy: 'Avtale',
  summary: 'Sammendrag',
  volume: 'Saker',
  opened: 'Opprettet',
  resolved: 'Løst',
  reopened: 'gjenåpnet',
  backlogAtFrom: 'Åpne ved start',
  backlogAtAsOf: 'Åpne ved slutt',
  byPriority: 'Etter prioritet',
  byKind: 'Etter type',
  byChannel: 'Etter kanal',
  byCategory: 'Etter kategori',
  perDay: 'Saker per dag',
  date: 'Dato',
  times: 'Respons- og løsningstider',
  metrics: { response: 'Respons', resolution: 'Løsning', update: 'Oppdatering', restore: 'Gjenoppretting' },
  count: 'Antall',
  mean: 'Snitt',
  median: 'Median',
  p90: '90-persentil',
  max: 'Maks',
  priority: 'Prioritet',
  allPriorities: 'Alle',
  distribution: 'Fordeling',
  upTo: 'inntil',
  over: 'over',
  attainment: 'Avtale overholdt',
  met: 'Innfridd',
  breached: 'Brutt',
  stoppedLate: 'Stoppet for sent',
  cycle: 'syklus',
  target: 'Mål',
  breaches: 'Brudd',
  noBreaches: 'Ingen brudd.',
  ticket: 'Sak',
  metric: 'Måling',
  due: 'Frist',
  stopped: 'Stoppet',
  running: 'løper',
  overrun: 'Overskridelse',
  explanation: 'Forklaring',
  closedHours: 'stengt',
  paused: 'pause',
  andMore: 'og {n} til',
  resolutionQuality: 'Løsning',
  firstLine: 'Løst i første linje',
  firstContact: 'Løst ved første kontakt',
  reopenRate: 'Gjenåpningsrate',
  escalations: 'Eskaleringer',
  tier: 'Nivå',
  escalated: 'Eskalert',
  timeInTier: 'Tid på nivået',
  workarounds: 'Midlertidige løsninger',
  restoredByWorkaround: 'Gjenopprettet med midlertidig løsning',
  onWorkaround: 'Kjører på midlertidig løsning',
  since: 'Siden',
  age: 'Alder',
  knownErrors: 'Kjente feil uten permanent løsning',
  satisfaction: 'Tilfredshet',
  ratings: 'Vurderinger',
  positive: 'Positive',
  neutral: 'Nøytrale',
  negative: 'Negative',
  csat: 'CSAT',
  netCsat: 'Netto CSAT',
  meanScore: 'Snittkarakter',
  responseRate: 'Svarprosent',
  fewRatings: 'færre enn 30 vurderinger',
  comparison: 'Sammenlignet med forrige periode',
  figure: 'Tall',
  current: 'Denne perioden',
  previous: 'Forrige',
  change: 'Endring',
  headlines: {
    opened: 'Opprettet',
    resolved: 'Løst',
    backlogAtAsOf: 'Åpne ved slutt',
    responseMedian: 'Median respons',
    resolutionMedian: 'Median løsning',
    responseAttainment: 'Respons overholdt',
    resolutionAttainment: 'Løsning overholdt',
    firstLineRate: 'Løst i første linje',
    reopenRate: 'Gjenåpningsrate',
    csat: 'CSAT',
    netCsat: 'Netto CSAT'
  },
  none: '–',
  hours: 't',
  minutes: 'min',
  chartOf: 'Diagram',
  definitions: 'Definisjoner',
  rejected: 'Historikk som ikke ble brukt'
}

/**
 * Swedish labels.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Report } from 'itsm-kit'
 * assert.deepStrictEqual([Report.sv.locale, Report.sv.health.Critical], ['sv-SE', 'Kritisk'])
 * ```
 * @category constants
 * @since 0.2.0
 */
export const sv: Labels = {
  ...nb,
  locale: 'sv-SE',
  serviceLevelReport: 'Servicenivårapport',
  morningStatus: 'Morgonstatus',
  reasons: 'Orsaker',
  health: { Critical: 'Kritisk', NeedAttention: 'Behöver uppmärksamhet', Good: 'Bra' },
  rules: {
    criticalPriority: 'kritisk prioritet',
    criticalCategory: 'kritisk kategori',
    breached: 'bruten',
    newOrReopened: 'ny eller återöppnad',
    atRisk: 'i riskzonen',
    workaroundTooLong: 'för länge på tillfällig lösning'
  },
  previousPeriod: 'Föregående period',
  asOf: 'Per',
  zone: 'Tidszon',
  summary: 'Sammanfattning',
  volume: 'Ärenden',
  opened: 'Skapade',
  resolved: 'Lösta',
  reopened: 'återöppnad',
  backlogAtFrom: 'Öppna vid start',
  backlogAtAsOf: 'Öppna vid slut',
  byPriority: 'Per prioritet',
  byKind: 'Per typ',
  byChannel: 'Per kanal',
  byCategory: 'Per kategori',
  perDay: 'Ärenden per dag',
  date: 'Datum',
  times: 'Svars- och lösningstider',
  metrics: { response: 'Svar', resolution: 'Lösning', update: 'Uppdatering', restore: 'Återställning' },
  count: 'Antal',
  mean: 'Medel',
  p90: '90:e percentilen',
  max: 'Max',
  allPriorities: 'Alla',
  distribution: 'Fördelning',
  upTo: 'upp till',
  over: 'över',
  attainment: 'Avtal uppfyllt',
  met: 'Uppfyllt',
  breached: 'Brutet',
  stoppedLate: 'Stoppat för sent',
  cycle: 'cykel',
  breaches: 'Avtalsbrott',
  noBreaches: 'Inga avtalsbrott.',
  ticket: 'Ärende',
  metric: 'Mätvärde',
  due: 'Deadline',
  stopped: 'Stoppad',
  running: 'pågår',
  overrun: 'Överskridande',
  explanation: 'Förklaring',
  closedHours: 'stängt',
  paused: 'pausad',
  andMore: 'och {n} till',
  resolutionQuality: 'Lösning',
  firstLine: 'Löst i första linjen',
  firstContact: 'Löst vid första kontakt',
  reopenRate: 'Andel återöppnade',
  escalations: 'Eskaleringar',
  tier: 'Nivå',
  escalated: 'Eskalerade',
  timeInTier: 'Tid på nivån',
  workarounds: 'Tillfälliga lösningar',
  restoredByWorkaround: 'Återställda med tillfällig lösning',
  onWorkaround: 'Går på tillfällig lösning',
  since: 'Sedan',
  age: 'Ålder',
  knownErrors: 'Kända fel utan permanent lösning',
  satisfaction: 'Nöjdhet',
  ratings: 'Betyg',
  positive: 'Positiva',
  neutral: 'Neutrala',
  negative: 'Negativa',
  meanScore: 'Medelbetyg',
  responseRate: 'Svarsfrekvens',
  fewRatings: 'färre än 30 betyg',
  comparison: 'Jämfört med föregående period',
  figure: 'Mått',
  current: 'Denna period',
  previous: 'Föregående',
  change: 'Förändring',
  headlines: {
    opened: 'Skapade',
    resolved: 'Lösta',
    backlogAtAsOf: 'Öppna vid slut',
    responseMedian: 'Median svar',
    resolutionMedian: 'Median lösning',
    responseAttainment: 'Svar uppfyllt',
    resolutionAttainment: 'Lösning uppfyllt',
    firstLineRate: 'Löst i första linjen',
    reopenRate: 'Andel återöppnade',
    csat: 'CSAT',
    netCsat: 'Netto-CSAT'
  },
  hours: 'h',
  chartOf: 'Diagram',
  definitions: 'Definitioner',
  rejected: 'Historik som inte användes'
}

/**
 * Finnish labels.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Report } from 'itsm-kit'
 * assert.deepStrictEqual([Report.fi.locale, Report.fi.health.Good], ['fi-FI', 'Hyvä'])
 * ```
 * @category constants
 * @since 0.2.0
 */
export const fi: Labels = {
  locale: 'fi-FI',
  serviceLevelReport: 'Palvelutasoraportti',
  morningStatus: 'Aamun tilanne',
  customer: 'Asiakas',
  status: 'Tila',
  reasons: 'Syyt',
  health: { Critical: 'Kriittinen', NeedAttention: 'Vaatii huomiota', Good: 'Hyvä' },
  rules: {
    criticalPriority: 'kriittinen prioriteetti',
    criticalCategory: 'kriittinen luokka',
    breached: 'rikottu',
    newOrReopened: 'uusi tai avattu uudelleen',
    atRisk: 'vaarassa',
    workaroundTooLong: 'liian kauan kiertotiellä'
  },
  period: 'Jakso',
  previousPeriod: 'Edellinen jakso',
  asOf: 'Tilanne',
  zone: 'Aikavyöhyke',
  policy: 'Sopimus',
  summary: 'Yhteenveto',
  volume: 'Tiketit',
  opened: 'Avattu',
  resolved: 'Ratkaistu',
  reopened: 'avattu uudelleen',
  backlogAtFrom: 'Avoinna alussa',
  backlogAtAsOf: 'Avoinna lopussa',
  byPriority: 'Prioriteetin mukaan',
  byKind: 'Tyypin mukaan',
  byChannel: 'Kanavan mukaan',
  byCategory: 'Luokan mukaan',
  perDay: 'Tiketit päivittäin',
  date: 'Päivä',
  times: 'Vasteajat ja ratkaisuajat',
  metrics: { response: 'Vaste', resolution: 'Ratkaisu', update: 'Päivitys', restore: 'Palautus' },
  count: 'Määrä',
  mean: 'Keskiarvo',
  median: 'Mediaani',
  p90: '90. persentiili',
  max: 'Enimmäis',
  priority: 'Prioriteetti',
  allPriorities: 'Kaikki',
  distribution: 'Jakauma',
  upTo: 'enintään',
  over: 'yli',
  attainment: 'Sopimus täyttyi',
  met: 'Täyttyi',
  breached: 'Rikottu',
  stoppedLate: 'Pysähtyi myöhässä',
  cycle: 'kierros',
  target: 'Tavoite',
  breaches: 'Rikkomukset',
  noBreaches: 'Ei rikkomuksia.',
  ticket: 'Tiketti',
  metric: 'Mittari',
  due: 'Määräaika',
  stopped: 'Pysähtyi',
  running: 'käynnissä',
  overrun: 'Ylitys',
  explanation: 'Selitys',
  closedHours: 'suljettu',
  paused: 'tauolla',
  andMore: 'ja vielä {n}',
  resolutionQuality: 'Ratkaisu',
  firstLine: 'Ratkaistu ensimmäisellä tasolla',
  firstContact: 'Ratkaistu ensimmäisellä yhteydellä',
  reopenRate: 'Uudelleenavausaste',
  escalations: 'Eskalaatiot',
  tier: 'Taso',
  escalated: 'Eskaloitu',
  timeInTier: 'Aika tasolla',
  workarounds: 'Kiertotiet',
  restoredByWorkaround: 'Palautettu kiertotiellä',
  onWorkaround: 'Kiertotien varassa',
  since: 'Alkaen',
  age: 'Ikä',
  knownErrors: 'Tunnetut virheet ilman pysyvää korjausta',
  satisfaction: 'Tyytyväisyys',
  ratings: 'Arviot',
  positive: 'Myönteiset',
  neutral: 'Neutraalit',
  negative: 'Kielteiset',
  csat: 'CSAT',
  netCsat: 'Netto-CSAT',
  meanScore: 'Keskiarvosana',
  responseRate: 'Vastausaste',
  fewRatings: 'alle 30 arviota',
  comparison: 'Verrattuna edelliseen jaksoon',
  figure: 'Luku',
  current: 'Tämä jakso',
  previous: 'Edellinen',
  change: 'Muutos',
  headlines: {
    opened: 'Avattu',
    resolved: 'Ratkaistu',
    backlogAtAsOf: 'Avoinna lopussa',
    responseMedian: 'Vasteen mediaani',
    resolutionMedian: 'Ratkaisun mediaani',
    responseAttainment: 'Vaste täyttyi',
    resolutionAttainment: 'Ratkaisu täyttyi',
    firstLineRate: 'Ratkaistu ensimmäisellä tasolla',
    reopenRate: 'Uudelleenavausaste',
    csat: 'CSAT',
    netCsat: 'Netto-CSAT'
  },
  none: '–',
  hours: 't',
  minutes: 'min',
  chartOf: 'Kaavio',
  definitions: 'Määritelmät',
  rejected: 'Käyttämättömät historiat'
}

/**
 * Polish labels.
 *
 * @example
 * ```ts
 * import * as assert from 'node:assert'
 * import { Report } from 'itsm-kit'
 * assert.deepStrictEqual([Report.pl.locale, Report.pl.health.Critical], ['pl-PL', 'Krytyczny'])
 * ```
 * @category constants
 * @since 0.2.0
 */
export const pl: Labels = {
  locale: 'pl-PL',
  serviceLevelReport: 'Raport poziomu usług',
  morningStatus: 'Status poranny',
  customer: 'Klient',
  status: 'Status',
  reasons: 'Powody',
  health: { Critical: 'Krytyczny', NeedAttention: 'Wymaga uwagi', Good: 'Dobry' },
  rules: {
    criticalPriority: 'krytyczny priorytet',
    criticalCategory: 'krytyczna kategoria',
    breached: 'naruszony',
    newOrReopened: 'nowe lub ponownie otwarte',
    atRisk: 'zagrożony',
    workaroundTooLong: 'zbyt długo na obejściu'
  },
  period: 'Okres',
  previousPeriod: 'Poprzedni okres',
  asOf: 'Stan na',
  zone: 'Strefa czasowa',
  policy: 'Umowa',
  summary: 'Podsumowanie',
  volume: 'Zgłoszenia',
  opened: 'Otwarte',
  resolved: 'Rozwiązane',
  reopened: 'ponownie otwarte',
  backlogAtFrom: 'Otwarte na początku',
  backlogAtAsOf: 'Otwarte na końcu',
  byPriority: 'Według priorytetu',
  byKind: 'Według rodzaju',
  byChannel: 'Według kanału',
  byCategory: 'Według kategorii',
  perDay: 'Zgłoszenia dziennie',
  date: 'Data',
  times: 'Czasy reakcji i rozwiązania',
  metrics: { response: 'Reakcja', resolution: 'Rozwiązanie', update: 'Aktualizacja', restore: 'Przywrócenie' },
  count: 'Liczba',
  mean: 'Średnia',
  median: 'Mediana',
  p90: '90. percentyl',
  max: 'Maksimum',
  priority: 'Priorytet',
  allPriorities: 'Wszystkie',
  distribution: 'Rozkład',
  upTo: 'do',
  over: 'ponad',
  attainment: 'Dotrzymanie umowy',
  met: 'Dotrzymane',
  breached: 'Naruszone',
  stoppedLate: 'Zatrzymane po terminie',
  cycle: 'cykl',
  target: 'Cel',
  breaches: 'Naruszenia',
  noBreaches: 'Brak naruszeń.',
  ticket: 'Zgłoszenie',
  metric: 'Miara',
  due: 'Termin',
  stopped: 'Zatrzymane',
  running: 'trwa',
  overrun: 'Przekroczenie',
  explanation: 'Wyjaśnienie',
  closedHours: 'zamknięte',
  paused: 'wstrzymane',
  andMore: 'i jeszcze {n}',
  resolutionQuality: 'Rozwiązywanie',
  firstLine: 'Rozwiązane na pierwszej linii',
  firstContact: 'Rozwiązane przy pierwszym kontakcie',
  reopenRate: 'Odsetek ponownych otwarć',
  escalations: 'Eskalacje',
  tier: 'Linia',
  escalated: 'Eskalowane',
  timeInTier: 'Czas na linii',
  workarounds: 'Obejścia',
  restoredByWorkaround: 'Przywrócone obejściem',
  onWorkaround: 'Działa na obejściu',
  since: 'Od',
  age: 'Wiek',
  knownErrors: 'Znane błędy bez trwałej poprawki',
  satisfaction: 'Zadowolenie',
  ratings: 'Oceny',
  positive: 'Pozytywne',
  neutral: 'Neutralne',
  negative: 'Negatywne',
  csat: 'CSAT',
  netCsat: 'CSAT netto',
  meanScore: 'Średnia ocena',
  responseRate: 'Odsetek odpowiedzi',
  fewRatings: 'mniej niż 30 ocen',
  comparison: 'W porównaniu z poprzednim okresem',
  figure: 'Wskaźnik',
  current: 'Ten okres',
  previous: 'Poprzedni',
  change: 'Zmiana',
  headlines: {
    opened: 'Otwarte',
    resolved: 'Rozwiązane',
    backlogAtAsOf: 'Otwarte na końcu',
    responseMedian: 'Mediana reakcji',
    resolutionMedian: 'Mediana rozwiązania',
    responseAttainment: 'Reakcja dotrzymana',
    resolutionAttainment: 'Rozwiązanie dotrzymane',
    firstLineRate: 'Rozwiązane na pierwszej linii',
    reopenRate: 'Odsetek ponownych otwarć',
    csat: 'CSAT',
    netCsat: 'CSAT netto'
  },
  none: '–',
  hours: 'godz.',
  minutes: 'min',
  chartOf: 'Wykres',
  definitions: 'Definicje',
  rejected: 'Niewykorzystane historie'
}
