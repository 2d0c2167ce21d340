/** Placeholder until the cases UI lands (issue 5). */
export default function Page({ box }: { box: 'inbox' | 'sent' }) {
  void box;
  return null;
}
