import { Center, Loader } from '@mantine/core';

/** A centred spinner for the first load, before any text can be translated. */
export function FullPageLoader() {
  return (
    <Center mih="60vh" role="status" aria-busy="true">
      <Loader aria-hidden="true" />
    </Center>
  );
}
