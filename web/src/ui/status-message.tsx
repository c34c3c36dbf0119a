/** A polite live region for confirmations ("Saved", "Unlocked"); empty until there is news. */
export function StatusMessage({ message }: { message: string | null }) {
  return (
    <div role="status" aria-live="polite" aria-atomic="true" className="status-region">
      {message ? <p className="status-message">{message}</p> : null}
    </div>
  );
}
