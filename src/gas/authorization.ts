// Whether the person still authorizes every scope of the manifest (ScriptApp.getAuthorizationInfo).
/**
 * A time-driven trigger runs without anyone to ask: when a scope is missing, every service that
 * needs it throws, and Apps Script mails the person a failure notice each time. Checking first
 * lets the trigger stop quietly and leave a note for the sidebar instead.
 */
export function scriptAuthorizationRequired(): boolean {
  try {
    const info = ScriptApp.getAuthorizationInfo(ScriptApp.AuthMode.FULL);
    return info.getAuthorizationStatus() === ScriptApp.AuthorizationStatus.REQUIRED;
  } catch {
    // Unknown is not "required": the run goes on and meets any real problem where it is.
    return false;
  }
}
