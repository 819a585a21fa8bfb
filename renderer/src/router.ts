import { useEffect, useState } from 'react';

/**
 * The app's places, kept in the URL hash so reload, back/forward and links from the
 * leak report ("take me to the spot") all work without a router library.
 */
export type Route =
  | { name: 'projects' }
  | { name: 'project'; projectId: number; tab: 'pipeline' | 'preview' | 'outreach' }
  | { name: 'adopter'; projectId: number; adopterId: number }
  | { name: 'interview'; projectId: number; adopterId: number; interviewId: number; focus?: string }
  | { name: 'search'; query: string }
  | { name: 'import' }
  | { name: 'settings' }
  | { name: 'trash' };

export function parseRoute(hash: string): Route {
  const [path = '', queryString = ''] = hash.replace(/^#\/?/, '').split('?');
  const query = new URLSearchParams(queryString);
  const parts = path.split('/').filter(Boolean);
  const id = (i: number) => Number(parts[i]);
  if (parts[0] === 'p' && Number.isInteger(id(1))) {
    if (parts[2] === 'a' && Number.isInteger(id(3))) {
      if (parts[4] === 'i' && Number.isInteger(id(5))) {
        const focus = query.get('focus') ?? undefined;
        return { name: 'interview', projectId: id(1), adopterId: id(3), interviewId: id(5), ...(focus ? { focus } : {}) };
      }
      return { name: 'adopter', projectId: id(1), adopterId: id(3) };
    }
    const tab = parts[2] === 'preview' || parts[2] === 'outreach' ? parts[2] : 'pipeline';
    return { name: 'project', projectId: id(1), tab };
  }
  if (parts[0] === 'search') return { name: 'search', query: query.get('q') ?? '' };
  if (parts[0] === 'import') return { name: 'import' };
  if (parts[0] === 'settings') return { name: 'settings' };
  if (parts[0] === 'trash') return { name: 'trash' };
  return { name: 'projects' };
}

export function hrefFor(route: Route): string {
  switch (route.name) {
    case 'projects':
      return '#/';
    case 'project':
      return `#/p/${route.projectId}${route.tab === 'pipeline' ? '' : `/${route.tab}`}`;
    case 'adopter':
      return `#/p/${route.projectId}/a/${route.adopterId}`;
    case 'interview':
      return `#/p/${route.projectId}/a/${route.adopterId}/i/${route.interviewId}${route.focus ? `?focus=${encodeURIComponent(route.focus)}` : ''}`;
    case 'search':
      return `#/search?q=${encodeURIComponent(route.query)}`;
    default:
      return `#/${route.name}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefFor(route);
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
