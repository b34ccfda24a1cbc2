import { Body1, Button, Field, MessageBar, MessageBarBody, MessageBarTitle, Select } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import type { Locale } from '../../bot/domain/locale';
import { Loading } from './LoadState';
import { tabText } from './tabText';

export interface DeveloperPerson {
  id: string;
  name: string;
}

/**
 * Outside Teams: the local host's developer sign-in (GET /api/tab/dev/people exists only in local
 * mode), clearly marked as such; elsewhere the advice to open the tab in Teams. The choice is
 * kept in memory only.
 */
export function DeveloperSignIn({ locale, onSignIn }: { locale: Locale; onSignIn: (person: DeveloperPerson) => void }) {
  const [people, setPeople] = useState<DeveloperPerson[] | 'unavailable' | undefined>();
  const [chosen, setChosen] = useState('');
  useEffect(() => {
    fetch('/api/tab/dev/people', { cache: 'no-store', credentials: 'omit' })
      .then(async (response) => (response.ok ? ((await response.json()) as { people: DeveloperPerson[] }).people : 'unavailable'))
      .catch(() => 'unavailable' as const)
      .then((found) => {
        setPeople(found);
        if (found !== 'unavailable' && found[0]) setChosen(found[0].id);
      });
  }, []);
  if (people === undefined) return <Loading label={tabText(locale, 'signIn.loading')} />;
  if (people === 'unavailable') {
    return (
      <MessageBar intent="info">
        <MessageBarBody>{tabText(locale, 'signIn.outsideTeams')}</MessageBarBody>
      </MessageBar>
    );
  }
  const person = people.find((candidate) => candidate.id === chosen);
  return (
    <form
      aria-labelledby="developer-sign-in-title"
      onSubmit={(event) => {
        event.preventDefault();
        if (person) onSignIn(person);
      }}
    >
      <MessageBar intent="warning">
        <MessageBarBody>
          <MessageBarTitle id="developer-sign-in-title">{tabText(locale, 'signIn.developerTitle')}</MessageBarTitle>
          <Body1>{tabText(locale, 'signIn.developerHint')}</Body1>
        </MessageBarBody>
      </MessageBar>
      <Field label={tabText(locale, 'signIn.person')}>
        <Select id="developer-person" value={chosen} onChange={(_event, data) => setChosen(data.value)}>
          {people.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.name}
            </option>
          ))}
        </Select>
      </Field>
      <Button appearance="primary" type="submit" disabled={!person}>
        {tabText(locale, 'signIn.button')}
      </Button>
    </form>
  );
}
