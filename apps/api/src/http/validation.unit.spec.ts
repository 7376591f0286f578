import { IsInt, IsString, validate } from 'class-validator';
import { rememberValidationRules } from './validation.js';

describe('validation rules remembered per class', () => {
  it("finds a class's rules once per options, and again after any rule is registered", () => {
    const calls = { find: 0, register: 0 };
    const storage = {
      getTargetValidationMetadatas: (_target: object, _schema: string, _always: boolean, _strict: boolean, groups?: string[]) => {
        calls.find++;
        return [{ groups }];
      },
      addValidationMetadata: (_metadata: unknown) => {
        calls.register++;
      },
    };
    rememberValidationRules(storage as never);
    class Dto {}
    const ask = (groups?: string[]) => storage.getTargetValidationMetadatas(Dto, '', false, false, groups);

    const first = ask();
    expect(ask()).toBe(first);
    expect(calls.find).toBe(1);
    ask(['admin']);
    ask(['admin']);
    expect(calls.find).toBe(2);

    // A null-prototype object has no constructor to remember its rules by: asked through every time.
    const bare = Object.create(null) as { constructor: undefined };
    storage.getTargetValidationMetadatas(bare.constructor as never, '', false, false);
    storage.getTargetValidationMetadatas(bare.constructor as never, '', false, false);
    expect(calls.find).toBe(4);

    storage.addValidationMetadata({} as never);
    expect(calls.register).toBe(1);
    ask();
    expect(calls.find).toBe(5);
  });

  it("validates with a rule added to a class after it was validated, and with its parent's rules", async () => {
    rememberValidationRules();
    class Parent {
      @IsString()
      name!: unknown;
    }
    const failing = async (value: object) => (await validate(value)).map((error) => error.property);
    expect(await failing(Object.assign(new Parent(), { name: 1 }))).toEqual(['name']);

    IsInt()(Parent.prototype, 'age');
    expect(await failing(Object.assign(new Parent(), { name: 'Ann', age: 'old' }))).toEqual(['age']);

    class Child extends Parent {
      @IsString()
      team!: unknown;
    }
    expect((await failing(Object.assign(new Child(), { name: 2, age: 'old', team: 3 }))).sort()).toEqual(['age', 'name', 'team']);
  });
});
