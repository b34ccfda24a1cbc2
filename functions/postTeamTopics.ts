import { app, type InvocationContext, type Timer } from '@azure/functions';
import { getApplication } from '../bot/composition';

/** Timer: posts the safety topic to each team channel whose next team meeting (werkoverleg) is near. */
export async function postTeamTopics(_timer: Timer, context: InvocationContext): Promise<void> {
  const application = await getApplication();
  const posted = await application.postTeamTopics();
  context.log(`postTeamTopics: ${posted} team(s)`);
}

app.timer('postTeamTopics', { schedule: '%TEAM_TOPICS_SCHEDULE%', handler: postTeamTopics });
