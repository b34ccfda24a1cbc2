/** A person offered in a picker: Entra object id and display name. */
export interface PersonChoice {
  id: string;
  name: string;
}
