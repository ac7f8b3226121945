import { lineageList } from './lineage';
import { pupilProvisionMap } from './provision';
import { pupilAssessments, pupilPlans, pupilProfile, pupilTargets, type Who } from './pupil';
import { ask } from './registry';

/** Everything one pupil's story is told from: the pupil page, the case sample and the transfer summary ask the same. */
export const pupilStoryAsks = (who: Who) => ({
	profile: ask(pupilProfile, who),
	plans: ask(pupilPlans, who),
	targets: ask(pupilTargets, who),
	lineages: ask(lineageList, { pupil: who.pupil_id, carriedAtLeast: null }),
	runs: ask(pupilProvisionMap, who),
	points: ask(pupilAssessments, who)
});
