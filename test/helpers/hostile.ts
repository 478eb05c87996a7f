/** Test helper: an object whose every read (property, key list, prototype, `in`) throws. */
export const throwingObject = (): object => {
  const no = (): never => {
    throw new Error('no')
  }
  return new Proxy({}, { get: no, has: no, ownKeys: no, getPrototypeOf: no, getOwnPropertyDescriptor: no })
}
