import type { AssociationProfile } from '../association';
import type { YearOrExercise } from '../exercise';
import { teamYear, type TeamData } from '../team/team-year';

// Cerfa 12156*06 §4 « Moyens humains » for one year. The salaried figures come from the Équipe records
// (team-year.ts); bénévoles and staff mis à disposition only the user knows (profile fields). Volunteers in
// service civique are counted from the Équipe unless the user entered a figure on the profile.

export interface HumanResources {
  year: number;
  /** Bénévoles: the profile's figure, undefined when not entered. */
  volunteers: number | undefined;
  /** Volontaires (service civique). */
  civicVolunteers: number;
  civicVolunteersSource: 'profile' | 'team';
  /** Salariés: people with an employment contract on at least one day of the year. */
  employees: number;
  /** Dont emplois aidés. */
  aidedJobs: number;
  etpt: number;
  /** Personnel mis à disposition: the profile's figure, undefined when not entered. */
  secondedStaff: number | undefined;
  /** Cumulated gross annual salaries of the five best paid (cents). */
  topFiveGrossCents: number;
}

export type HumanResourcesProfile = Pick<AssociationProfile, 'volunteersCount' | 'civicVolunteersCount' | 'secondedStaffCount'>;

/** `period` is the association's exercise (a bare year means the calendar year). */
export function humanResourcesForYear(profile: HumanResourcesProfile, team: TeamData, period: YearOrExercise): HumanResources {
  const figures = teamYear(team, period);
  const year = typeof period === 'number' ? period : period.startYear;
  const fromProfile = profile.civicVolunteersCount;
  return {
    year,
    volunteers: profile.volunteersCount,
    civicVolunteers: fromProfile ?? figures.volunteers,
    civicVolunteersSource: fromProfile === undefined ? 'team' : 'profile',
    employees: figures.headcount,
    aidedJobs: figures.aidedJobs,
    etpt: figures.etpt,
    secondedStaff: profile.secondedStaffCount,
    topFiveGrossCents: figures.topFiveGrossCents,
  };
}
