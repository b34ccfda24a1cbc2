import { MessageBar, MessageBarBody, type MessageBarIntent } from '@fluentui/react-components';

/**
 * A message that screen readers announce when it appears: the live region is always there, the
 * bar only while there is text (nothing shown without it).
 */
export function LiveMessage({ intent, text }: { intent: MessageBarIntent; text: string | undefined }) {
  return (
    <div aria-live="polite">
      {text ? (
        <MessageBar intent={intent}>
          <MessageBarBody>{text}</MessageBarBody>
        </MessageBar>
      ) : null}
    </div>
  );
}
