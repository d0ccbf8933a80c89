// The pages under /lists/…: a draft (编制、报送、审查、公布) and a body's published list with its
// versions. Mounted by the one '/lists/*' line in routes.tsx.
import { Button, Result } from 'antd';
import { Route, Routes, useNavigate } from 'react-router-dom';
import DraftPage from './draft/DraftPage.tsx';
import PublishedListPage from './published/PublishedListPage.tsx';

function NotFound() {
  const navigate = useNavigate();
  return (
    <Result
      status="404"
      title="页面不存在"
      extra={
        <Button type="primary" onClick={() => navigate('/lists')}>
          返回权责清单
        </Button>
      }
    />
  );
}

export default function ListsRouter() {
  return (
    <Routes>
      <Route path="drafts/:id" element={<DraftPage />} />
      <Route path="bodies/:bodyId" element={<PublishedListPage />} />
      <Route path="*" element={<NotFound />} />
    </Routes>
  );
}
