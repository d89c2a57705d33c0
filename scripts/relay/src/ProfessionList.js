// The professions list, paged forward with Relay's usePaginationFragment.
import {graphql} from 'react-relay';

export const query = graphql`
  query ProfessionListQuery($dataset: String) {
    ...ProfessionList_query @arguments(dataset: $dataset)
  }
`;

export const fragment = graphql`
  fragment ProfessionList_query on Query
  @refetchable(queryName: "ProfessionListPaginationQuery")
  @argumentDefinitions(
    dataset: {type: "String"}
    count: {type: "Int", defaultValue: 10}
    cursor: {type: "String"}
  ) {
    professions(filter: {dataset: $dataset}, first: $count, after: $cursor)
      @connection(key: "ProfessionList_professions") {
      totalCount
      edges {
        node {
          id
          name
        }
      }
    }
  }
`;
