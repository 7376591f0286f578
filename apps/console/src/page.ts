// What a page is: a hash route (`#/board?pipeline=…`), its title, the permission that shows it in the navigation.
import type { JSX } from 'preact';
import type { Session } from './session';

export type PageProps = { session: Session; params: URLSearchParams };

export type PageDefinition = {
  path: string;
  title: string;
  permission: string;
  component: (props: PageProps) => JSX.Element;
};
