import { useEffect, useRef } from 'react';

/**
 * The second step of a decision that cannot be undone (grant, refusal, co-signature, appeal): says
 * what will happen and asks once more. It takes the focus when it appears, so a keyboard or screen
 * reader user lands on the question; "cancel" returns to the form as it was.
 */
export function ConfirmStep(props: {
  id: string;
  title: string;
  text: string;
  confirmLabel: string;
  cancelLabel: string;
  isDanger?: boolean;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <div className="staff-confirm">
      <h4 id={`${props.id}-title`} ref={heading} tabIndex={-1}>
        {props.title}
      </h4>
      <p>{props.text}</p>
      <div className="staff-confirm__actions">
        <button
          type="button"
          className={props.isDanger ? 'button button--danger' : 'button'}
          onClick={props.onConfirm}
        >
          {props.confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={props.onCancel}>
          {props.cancelLabel}
        </button>
      </div>
    </div>
  );
}
