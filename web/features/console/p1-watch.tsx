import { AlarmBanner } from './alarm-banner.js';
import { ConsoleProvider } from './console-state.js';

/**
 * The unattended-P1 alarm on the pages of the other sections, so an operator looking at the map
 * or the unit board still sees and hears an SOS nobody has taken.
 */
export function P1Watch() {
  return (
    <ConsoleProvider>
      <AlarmBanner />
    </ConsoleProvider>
  );
}
