/** The collaboration server shares the page's origin, so the socket follows the page's scheme. */
export function collaborationUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
  return `${scheme}//${location.host}/collaboration`;
}
