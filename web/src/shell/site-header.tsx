import type { Me } from '../../features/auth/auth-api.js';
import { Brand } from './brand.js';
import { LanguageSwitcher } from './language-switcher.js';
import { SignOutButton } from './sign-out-button.js';
import { UserSummary } from './user-summary.js';

/** The signed-in header: name, who is signed in and where, language, sign-out. */
export function SiteHeader({ me }: { me: Me }) {
  return (
    <header className="site-header">
      <div className="width-container site-header__bar">
        <Brand />
        <div className="site-header__tools">
          <LanguageSwitcher />
          <div className="site-header__account">
            <UserSummary me={me} />
            <SignOutButton />
          </div>
        </div>
      </div>
    </header>
  );
}
