import { Badge, Body1, Caption1, Card, CardHeader, MessageBar, MessageBarBody, Subtitle2, Text, makeStyles, tokens } from '@fluentui/react-components';
import type { TeamActionView, TeamAgendaView, TeamPostingView, TeamScheduleView } from '../../bot/app/tab/teamAgendaView';
import type { Locale } from '../../bot/domain/locale';
import { formatDate, formatDateTime, t, type MessageKey } from '../../cards/i18n';
import { LoadFailed, Loading } from './LoadState';
import type { Authorizer } from './tabClient';
import { tabText } from './tabText';
import { useTabApi } from './useTabApi';

const useStyles = makeStyles({
  section: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXS },
  list: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalL, listStyleType: 'none', margin: 0, padding: 0 },
  lines: { margin: 0, paddingLeft: tokens.spacingHorizontalXL, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  part: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalXXS },
  late: { color: tokens.colorPaletteRedForeground1, fontWeight: tokens.fontWeightSemibold },
});

const STATUS_COLOURS = { posted: 'informative', discussed: 'success', skipped: 'warning', replaced: 'subtle' } as const;

/** Team agenda: for owners and unit coordinators, each team's meeting rhythm, the topics posted and what became of them, and the open (and late) agreed actions. */
export function TeamAgenda({ locale, authorize }: { locale: Locale; authorize: Authorizer }) {
  const { loaded, reload } = useTabApi<{ teams: TeamAgendaView[] }>('/api/tab/team-agenda', authorize);
  const styles = useStyles();
  if (loaded.state === 'loading') return <Loading label={tabText(locale, 'load.teamAgenda')} />;
  if (loaded.state === 'failed') return <LoadFailed locale={locale} error={loaded.error} onRetry={reload} />;
  const { teams } = loaded.value;
  return (
    <div className={styles.section}>
      <Body1>{tabText(locale, 'agenda.intro')}</Body1>
      {teams.length === 0 ? (
        <MessageBar intent="info">
          <MessageBarBody>
            {tabText(locale, 'agenda.empty')} {tabText(locale, 'agenda.emptyHint')}
          </MessageBarBody>
        </MessageBar>
      ) : (
        <ul className={styles.list} aria-label={tabText(locale, 'nav.teamAgenda')}>
          {teams.map((team) => (
            <li key={team.teamKey}>
              <TeamCard locale={locale} team={team} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function TeamCard({ locale, team }: { locale: Locale; team: TeamAgendaView }) {
  const styles = useStyles();
  const headingId = `team-${team.teamKey}`;
  const late = team.actions.filter((action) => action.late).length;
  return (
    <Card aria-labelledby={headingId}>
      <CardHeader
        header={
          <Subtitle2 as="h2" id={headingId}>
            {team.name ?? team.teamKey}
          </Subtitle2>
        }
        description={team.unitName || team.unitId ? <Caption1>{tabText(locale, 'agenda.unit', { unit: team.unitName ?? team.unitId ?? '' })}</Caption1> : undefined}
        action={team.schedule?.paused ? <Badge appearance="tint" color="warning">{tabText(locale, 'agenda.paused')}</Badge> : undefined}
      />
      <section className={styles.part} aria-labelledby={`${headingId}-schedule`}>
        <Text as="h3" weight="semibold" id={`${headingId}-schedule`}>
          {tabText(locale, 'agenda.scheduleTitle')}
        </Text>
        {team.schedule ? <Schedule locale={locale} schedule={team.schedule} /> : <Caption1>{tabText(locale, 'agenda.notConfigured')}</Caption1>}
      </section>
      <section className={styles.part} aria-labelledby={`${headingId}-postings`}>
        <Text as="h3" weight="semibold" id={`${headingId}-postings`}>
          {tabText(locale, 'agenda.postingsTitle')}
        </Text>
        {team.postings.length === 0 ? (
          <Caption1>{tabText(locale, 'agenda.noPostings')}</Caption1>
        ) : (
          <ul className={styles.lines}>
            {team.postings.map((posting) => (
              <PostingLine key={posting.postingId} locale={locale} posting={posting} />
            ))}
          </ul>
        )}
      </section>
      <section className={styles.part} aria-labelledby={`${headingId}-actions`}>
        <Text as="h3" weight="semibold" id={`${headingId}-actions`}>
          {tabText(locale, 'agenda.actionsTitle')}
        </Text>
        {team.actions.length === 0 ? (
          <Caption1>{tabText(locale, 'agenda.noActions')}</Caption1>
        ) : (
          <>
            <Caption1>{tabText(locale, 'agenda.actionsSummary', { open: team.actions.length, late })}</Caption1>
            <ul className={styles.lines}>
              {team.actions.map((action) => (
                <ActionLine key={action.actionId} locale={locale} action={action} />
              ))}
            </ul>
          </>
        )}
      </section>
    </Card>
  );
}

function Schedule({ locale, schedule }: { locale: Locale; schedule: TeamScheduleView }) {
  const days = schedule.weekdays.map((day) => t(locale, `agenda.settings.weekdays.${day}` as MessageKey)).join(', ');
  const interval = t(locale, `agenda.settings.everyWeeks.${schedule.everyWeeks}` as MessageKey);
  const lead =
    schedule.leadWorkingDays === 0
      ? t(locale, 'agenda.settings.leadSameDay' as MessageKey)
      : schedule.leadWorkingDays === 1
        ? t(locale, 'agenda.settings.leadOne' as MessageKey)
        : t(locale, 'agenda.settings.leadMany' as MessageKey, { days: schedule.leadWorkingDays });
  return (
    <>
      <Body1>{tabText(locale, 'agenda.meets', { days, time: schedule.time, interval: interval.toLowerCase() })}</Body1>
      <Caption1>{tabText(locale, 'agenda.lead', { lead: lead.toLowerCase() })}</Caption1>
      {schedule.paused ? (
        <Caption1>{t(locale, 'agenda.settings.savedPaused' as MessageKey)}</Caption1>
      ) : schedule.nextMeetingAt && schedule.nextPostAt ? (
        <>
          <Caption1>
            {tabText(locale, 'agenda.nextMeeting', { meeting: formatDateTime(schedule.nextMeetingAt, locale) })}
          </Caption1>
          <Caption1>{tabText(locale, 'agenda.nextPost', { post: formatDateTime(schedule.nextPostAt, locale) })}</Caption1>
        </>
      ) : (
        <Caption1>{tabText(locale, 'agenda.notPlanned')}</Caption1>
      )}
    </>
  );
}

function PostingLine({ locale, posting }: { locale: Locale; posting: TeamPostingView }) {
  return (
    <li>
      <Badge appearance="tint" color={STATUS_COLOURS[posting.status]}>
        {tabText(locale, `agenda.status.${posting.status}`)}
      </Badge>{' '}
      {posting.topicTitle ? posting.topicTitle[locale] : tabText(locale, 'agenda.topicGone')} ·{' '}
      <time dateTime={posting.meetingAt}>{tabText(locale, 'agenda.forMeeting', { meeting: formatDate(posting.meetingAt, locale) })}</time>
    </li>
  );
}

function ActionLine({ locale, action }: { locale: Locale; action: TeamActionView }) {
  const styles = useStyles();
  return (
    <li className={action.late ? styles.late : undefined}>
      {action.text} — {tabText(locale, 'agenda.actionLine', { owner: action.ownerName, due: formatDate(action.dueAt, locale) })}
      {action.late && (
        <>
          {' '}
          <Badge appearance="filled" color="danger">
            {tabText(locale, 'agenda.late')}
          </Badge>
        </>
      )}
    </li>
  );
}
