// The scopes each provider knows, with the wording the consent page shows a person.

export const FITBIT_SCOPES: Record<string, string> = {
  activity: 'Activity and exercise: steps, distance, calories, active minutes',
  cardio_fitness: 'Cardio fitness score (VO2 max)',
  electrocardiogram: 'Electrocardiogram readings',
  heartrate: 'Heart rate',
  location: 'GPS and other location data',
  nutrition: 'Food and water logs',
  oxygen_saturation: 'Oxygen saturation (SpO2)',
  profile: 'Profile: name, age, height, time zone',
  respiratory_rate: 'Breathing rate',
  settings: 'Account and device settings',
  sleep: 'Sleep',
  social: 'Friends and leaderboard',
  temperature: 'Skin and core temperature',
  weight: 'Weight, BMI and body fat',
};

const G = 'https://www.googleapis.com/auth/';
export const GOOGLE_HEALTH_ACTIVITY = `${G}googlehealth.activity_and_fitness.readonly`;
export const GOOGLE_HEALTH_METRICS = `${G}googlehealth.health_metrics_and_measurements.readonly`;
export const GOOGLE_HEALTH_SLEEP = `${G}googlehealth.sleep.readonly`;
/** Hydration and nutrition logs (Google's scope-mapping table). */
export const GOOGLE_HEALTH_NUTRITION = `${G}googlehealth.nutrition.readonly`;

export const GOOGLE_SCOPES: Record<string, string> = {
  openid: 'Associate you with your personal info on Google',
  email: 'See your primary Google Account email address',
  profile: 'See your personal info you have made publicly available',
  [`${G}userinfo.email`]: 'See your primary Google Account email address',
  [`${G}userinfo.profile`]: 'See your personal info you have made publicly available',
  [GOOGLE_HEALTH_ACTIVITY]: 'See your activity and fitness data in Google Health',
  [`${G}googlehealth.activity_and_fitness.writeonly`]:
    'Add activity and fitness data to Google Health',
  [GOOGLE_HEALTH_METRICS]: 'See your health metrics and measurements (weight, heart rate, ...)',
  [`${G}googlehealth.health_metrics_and_measurements.writeonly`]:
    'Add health metrics and measurements',
  [GOOGLE_HEALTH_SLEEP]: 'See your sleep data',
  [GOOGLE_HEALTH_NUTRITION]: 'See your food and water logs',
  [`${G}googlehealth.settings.readonly`]: 'See your Google Health settings',
  [`${G}googlehealth.profile.readonly`]: 'See your Google Health profile',
  [`${G}googlehealth.location.readonly`]: 'See your exercise locations',
  [`${G}googlehealth.ecg.readonly`]: 'See your ECG readings',
  [`${G}googlehealth.irn.readonly`]: 'See your irregular rhythm notifications',
  [`${G}googlehealth.mindfulness.readonly`]: 'See your mindfulness sessions',
  [`${G}googlehealth.logged_symptoms.readonly`]: 'See the symptoms you logged',
  [`${G}googlehealth.reproductive_health.readonly`]: 'See your reproductive health data',
};

/** Every googlehealth read scope: GetIdentity accepts any of them (discovery doc, users.getIdentity). */
export function isGoogleHealthReadScope(scope: string): boolean {
  return scope.startsWith(`${G}googlehealth.`) && scope.endsWith('.readonly');
}
