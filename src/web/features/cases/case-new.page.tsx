/** Placeholder until the cases UI lands (issue 5). */
export default function Page() {
  return null;
}
