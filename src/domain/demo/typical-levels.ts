/**
 * A county's or city's plausible level of an indicator, used by the simulator where a plan gives no number to
 * start from (逐步提高, 稳步增加 …): every indicator that is not a share, and the shares whose level is far from the
 * simulator's default (40–80 % for a share where higher is better, 5–25 % where lower is better).
 * Orders of magnitude from national statistics; simulated data, not facts about any region.
 */
export const TYPICAL_LEVELS: Readonly<Record<string, readonly [number, number]>> = {
  'health.life_expectancy': [77, 82],
  'health.healthy_life_expectancy': [67, 72],
  'health.maternal_mortality': [8, 20],
  'health.maternal_mortality_urban_rural_gap': [1, 8],
  'health.maternal_mortality_regional_gap': [1, 8],
  'health.induced_abortion_rate': [10, 25],
  'health.maternal_anaemia': [10, 25],
  'health.depression_anxiety_prevalence': [3, 8],
  'health.congenital_syphilis_incidence': [5, 30],
  'health.pregnant_urinary_iodine': [150, 250],
  'health.standard_mch_institutions': [1, 5],
  'health.paediatricians_per_1000_children': [0.6, 1.2],
  'health.paediatric_beds_per_1000_children': [2, 3.5],
  'education.scientific_literacy_gender_gap': [2, 8],
  'education.mean_years_of_schooling': [9, 11.5],
  'economy.occupational_disease_incidence': [1, 5],
  'decision.min_women_per_county_and_township_team': [1, 2],
  'decision.women_chiefs_in_department_leadership': [5, 30],
  'decision.women_managers_in_female_majority_institutions': [20, 200],
  'decision.min_women_in_two_committees': [1, 3],
  'social_security.pension_benefit_level': [1500, 4000],
  'social_security.unemployment_and_injury_insured': [50_000, 500_000],
  'family.housework_time_gap': [60, 150],
  'family.eldercare_facility_area_per_capita': [0.1, 0.3],
  'environment.public_toilet_female_ratio': [1.2, 1.6],
  'environment.public_toilet_female_ratio_busy_areas': [1.3, 1.8],
  'environment.nursing_rooms': [20, 200],
  'law.domestic_violence_shelters': [1, 10],
  'other.plan_filing_time': [2, 6],
};
