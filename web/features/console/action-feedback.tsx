/** Where an action's outcome is announced: the refusal as an alert, a confirmation politely. */
export function ActionFeedback({ error, done }: { error: string | null; done: string | null }) {
  return (
    <>
      <div role="alert" className="status-region">
        {error ? <p className="field__error">{error}</p> : null}
      </div>
      <div role="status" className="status-region">
        {done ? <p className="status-message">{done}</p> : null}
      </div>
    </>
  );
}
